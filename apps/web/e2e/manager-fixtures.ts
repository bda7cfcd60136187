import type { Page } from '@playwright/test';
import type { DateTime } from 'luxon';
import { DEMO_PASSWORD, expect, tabTo } from './fixtures';

// What the manager journeys share: the demo manager, the words they look for, signing in and typing a date.

export const MANAGER = 'johan.ek@demo.regionstockholm.se';

const W = {
  sv: {
    signIn: 'Logga in',
    email: 'E-postadress',
    password: 'Lösenord',
    workspace: 'Testbäddsarbete',
    myTestbeds: 'Mina testbäddar',
    create: 'Skapa en testbädd',
    name: 'Namn',
    summary: 'Sammanfattning',
    description: 'Beskrivning',
    municipality: 'Kommun',
    contact: 'E-post för kontakt',
    domain: 'Hälso- och sjukvård',
    maxAdvance: 'Boka tidigast så här många dagar före start',
    saveDraft: 'Spara som utkast',
    draft: 'Utkast',
    preview: 'Förhandsgranska den publika sidan',
    back: 'Tillbaka till testbädden',
    firstDate: 'Datum för första tiden',
    once: 'En gång',
    count: 'Antal tider',
    previewDates: 'Förhandsgranska datumen',
    save6: 'Spara 6 tider',
    saved6: '6 tider sparade.',
    dst: /Sommartid ändras: klockan går från UTC\+2 till UTC\+1; tiden ligger kvar 09:00/,
    publish: 'Publicera',
    published: 'Testbädden är publicerad.',
    book: /^Boka (?!om)/,
    bookingTitle: 'Rubrik för piloten',
    submit: 'Skicka bokningsförfrågan',
    sent: 'Förfrågan är skickad',
    open: 'Visa bokningen',
    requests: 'Förfrågningar',
    approve: (title: string) => `Godkänn ${title} från CareUp AB`,
    approved: (title: string) => `Godkänd: ${title}. Företaget får besked via e-post.`,
    approveTitle: 'Godkänna förfrågan från CareUp AB?',
    approveConfirm: 'Ja, godkänn',
    keep: 'Tillbaka',
    confirmed: 'Bekräftad',
    pending: 'Väntar på beslut',
    full: 'Fullbokad',
    notFound: 'Sidan finns inte',
    signOut: 'Logga ut',
  },
  en: {
    signIn: 'Sign in',
    email: 'E-mail address',
    password: 'Password',
    workspace: 'Test-bed workspace',
    myTestbeds: 'My test beds',
    create: 'Create a test bed',
    name: 'Name',
    summary: 'Summary',
    description: 'Description',
    municipality: 'Municipality',
    contact: 'Contact e-mail',
    domain: 'Health care',
    maxAdvance: 'Book at the earliest this many days before the start',
    saveDraft: 'Save as draft',
    draft: 'Draft',
    preview: 'Preview the public page',
    back: 'Back to the test bed',
    firstDate: 'Date of the first slot',
    once: 'Once',
    count: 'Number of slots',
    previewDates: 'Preview the dates',
    save6: 'Save 6 slots',
    saved6: '6 slots saved.',
    dst: /Daylight-saving change: clocks go from UTC\+2 to UTC\+1; the slot stays at 09:00/,
    publish: 'Publish',
    published: 'The test bed is published.',
    book: /^Book (?!the)/,
    bookingTitle: 'Title of the pilot',
    submit: 'Send the booking request',
    sent: 'Request sent',
    open: 'View the booking',
    requests: 'Requests',
    approve: (title: string) => `Approve ${title} from CareUp AB`,
    approved: (title: string) => `Approved: ${title}. The company is told by e-mail.`,
    approveTitle: 'Approve the request from CareUp AB?',
    approveConfirm: 'Yes, approve',
    keep: 'Back',
    confirmed: 'Confirmed',
    pending: 'Awaiting decision',
    full: 'Full',
    notFound: 'Page not found',
    signOut: 'Sign out',
  },
};
export type Words = (typeof W)['sv'];
export const WORDS = W;

/** Signs in on the sign-in page by keyboard alone. */
export async function signIn(page: Page, w: Words, email: string, next = '/'): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await expect(page.getByRole('heading', { level: 1, name: w.signIn })).toBeVisible();
  await tabTo(page, w.email);
  await page.keyboard.type(email);
  await tabTo(page, w.password);
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: w.signOut })).toBeVisible();
}

/** Types a date into React Aria's segmented date field, in the page's locale (sv: år-månad-dag, en-GB: day/month/year). */
export async function typeDate(page: Page, label: string, date: DateTime, lang: 'sv' | 'en'): Promise<void> {
  await page.getByRole('group', { name: label }).getByRole('spinbutton').first().focus();
  const parts =
    lang === 'sv'
      ? [date.toFormat('yyyy'), date.toFormat('MM'), date.toFormat('dd')]
      : [date.toFormat('dd'), date.toFormat('MM'), date.toFormat('yyyy')];
  for (const part of parts) await page.keyboard.type(part);
}
