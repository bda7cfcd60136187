import type { Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPage, expect, tabTo, test } from './fixtures';
import { STATE_FILE } from './global-setup';

// The person's own account (issue 17, Account), the test bed's owner and the
// owner filter, and forms that send once (issue 14).

const WORDS = {
  sv: {
    signIn: 'Logga in',
    email: 'E-postadress',
    password: 'Lösenord',
    forgot: 'Glömt lösenordet?',
    forgotTitle: 'Glömt lösenordet',
    sendLink: 'Skicka länken',
    sent: /Om det finns ett konto för/,
    resetTitle: 'Välj ett nytt lösenord',
    newPassword: 'Välj ett lösenord',
    save: 'Spara det nya lösenordet',
    tooShort: 'Lösenordet måste ha minst 12 tecken',
    resetDone: 'Ditt nya lösenord är sparat. Logga in med det.',
    spent: /Länken fungerar inte längre/,
    askAgain: 'Be om en ny länk',
    account: 'Mitt konto',
    signOut: 'Logga ut',
    name: 'Ditt namn',
    saveProfile: 'Spara namn och språk',
    saved: 'Namn och språk är sparade.',
    current: 'Nuvarande lösenord',
    changedPassword: 'Nytt lösenord',
    change: 'Byt lösenord',
    wrongCurrent: 'Det nuvarande lösenordet stämmer inte',
    changed: /Lösenordet är bytt/,
    createFeed: 'Skapa en kalenderadress',
    feedAddress: 'Kalenderadress',
    revoke: 'Återkalla',
    revoked: 'Adressen är återkallad och fungerar inte längre.',
    noFeeds: 'Inga kalenderadresser ännu.',
    everywhere: 'Logga ut överallt',
    everywhereDone: 'Du är utloggad överallt. Logga in igen här.',
    owner: 'Ägare',
    anyOwner: 'Alla ägare',
    search: 'Sök',
    moreFrom: 'Fler testbäddar från Stockholms stad',
    switchLanguage: 'In English',
  },
  en: {
    signIn: 'Sign in',
    email: 'E-mail address',
    password: 'Password',
    forgot: 'Forgotten your password?',
    forgotTitle: 'Forgotten password',
    sendLink: 'Send the link',
    sent: /If there is an account for/,
    resetTitle: 'Choose a new password',
    newPassword: 'Choose a password',
    save: 'Save the new password',
    tooShort: 'The password must have at least 12 characters',
    resetDone: 'Your new password is saved. Sign in with it.',
    spent: /This link no longer works/,
    askAgain: 'Ask for a new link',
    account: 'My account',
    signOut: 'Sign out',
    name: 'Your name',
    saveProfile: 'Save name and language',
    saved: 'Your name and language are saved.',
    current: 'Current password',
    changedPassword: 'New password',
    change: 'Change password',
    wrongCurrent: 'The current password is not right',
    changed: /The password is changed/,
    createFeed: 'Create a calendar address',
    feedAddress: 'Calendar address',
    revoke: 'Revoke',
    revoked: 'The address is revoked and no longer works.',
    noFeeds: 'No calendar addresses yet.',
    everywhere: 'Sign out everywhere',
    everywhereDone: 'You are signed out everywhere. Sign in again here.',
    owner: 'Owner',
    anyOwner: 'Any owner',
    search: 'Search',
    moreFrom: 'More test beds of Stockholms stad',
    switchLanguage: 'På svenska',
  },
};

const PASSWORD = 'ett långt nog lösenord 2026';
const NEW_PASSWORD = 'ett helt annat lösenord 2026';

/** A company account of its own for each journey, made through the API. */
async function newPerson(
  baseURL: string,
  language: 'sv' | 'en',
  tag: string,
): Promise<{ email: string; accessToken: string; refreshToken: string }> {
  const email = `konto.${tag}.${language}.${Date.now()}@exempel.se`;
  const response = await fetch(`${baseURL}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email,
      password: PASSWORD,
      name: 'Kim Konto',
      language,
      company: { name: `Kontobolaget ${tag} ${language} AB` },
    }),
  });
  if (response.status !== 201) throw new Error(`sign-up: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accessToken: string; refreshToken: string };
  return { email, ...body };
}

async function me(baseURL: string, accessToken: string) {
  return fetch(`${baseURL}/api/v1/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
}

/**
 * The newest e-mail to `to` with a reset link, as the worker wrote it: without
 * SMTP_URL each message is an .eml file under DATA_DIR/mail (global-setup's own DATA_DIR).
 */
async function resetMail(to: string, after = 0): Promise<{ subject: string; path: string; count: number }> {
  const { dataDir } = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { dataDir: string };
  const folder = join(dataDir, 'mail');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = [];
    for (const file of existsSync(folder)
      ? readdirSync(folder)
          .filter((name) => name.endsWith('.eml'))
          .sort()
      : []) {
      const mail = await simpleParser(readFileSync(join(folder, file)));
      const link = mail.text?.match(/https?:\/\/[^\s]+(\/reset-password\?token=[\w-]+)/);
      const recipients = [mail.to].flat().flatMap((address) => address?.value.map((value) => value.address) ?? []);
      if (link && recipients.includes(to)) found.push({ subject: mail.subject ?? '', path: link[1]! });
    }
    if (found.length > after) return { ...found.at(-1)!, count: found.length };
    if (Date.now() > deadline) throw new Error(`no reset e-mail to ${to} in ${folder}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

async function signIn(page: Page, w: (typeof WORDS)['sv'], email: string, password: string) {
  await page.getByRole('textbox', { name: w.email }).fill(email);
  await page.getByRole('textbox', { name: w.password, exact: true }).fill(password);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
}

for (const lang of ['sv', 'en'] as const) {
  test.describe(`the account (${lang})`, () => {
    test.use({ lang });

    test('a person resets a forgotten password through the e-mail link, by keyboard; the link works once', async ({
      page,
      baseURL,
    }) => {
      const w = WORDS[lang];
      const person = await newPerson(baseURL!, lang, 'reset');
      await page.goto('/sign-in');
      await checkPage(page, 'sign-in');
      await tabTo(page, w.forgot);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: w.forgotTitle })).toBeVisible();
      await checkPage(page, 'forgot-password');
      await tabTo(page, w.email);
      await page.keyboard.type(person.email);
      await page.keyboard.press('Enter');
      await expect(page.getByText(w.sent)).toBeVisible();
      await checkPage(page, 'forgot-password-sent');

      // The link in the e-mail, in the person's language, opens the web app's page.
      const mail = await resetMail(person.email);
      expect(mail.subject).toBe(
        lang === 'en' ? 'Choose a new password for Slussen' : 'Välj ett nytt lösenord i Slussen',
      );
      await page.goto(mail.path);
      await expect(page.getByRole('heading', { level: 1, name: w.resetTitle })).toBeVisible();
      await checkPage(page, 'reset-password');
      await tabTo(page, w.newPassword);
      await page.keyboard.type('kort');
      await page.keyboard.press('Enter');
      await expect(page.getByText(w.tooShort).first()).toBeVisible();
      await page.getByRole('textbox', { name: w.newPassword }).fill(NEW_PASSWORD);
      await page.getByRole('textbox', { name: w.newPassword }).press('Enter');
      await expect(page).toHaveURL(/\/sign-in\?passwordReset=1/);
      await expect(page.getByText(w.resetDone)).toBeVisible();

      // The old password no longer works, the new one does; the old session has ended.
      expect((await me(baseURL!, person.accessToken)).status).toBe(401);
      await signIn(page, w, person.email, PASSWORD);
      await expect(page.getByRole('alert')).toBeVisible();
      await signIn(page, w, person.email, NEW_PASSWORD);
      await expect(page.getByRole('button', { name: w.signOut, exact: true })).toBeVisible();

      // The same link a second time explains itself and offers a new one.
      await page.goto(mail.path);
      await page.getByRole('textbox', { name: w.newPassword }).fill('ett tredje lösenord 2026');
      await page.getByRole('button', { name: w.save }).click();
      await expect(page.getByText(w.spent)).toBeVisible();
      await expect(page.getByRole('link', { name: w.askAgain })).toBeVisible();
      await checkPage(page, 'reset-password-spent');
    });

    test('name and language kept by the API, a new password, calendar addresses listed and revoked, and signing out everywhere', async ({
      page,
      baseURL,
    }) => {
      const w = WORDS[lang];
      const person = await newPerson(baseURL!, lang, 'account');
      await page.goto('/sign-in?next=%2Faccount');
      await signIn(page, w, person.email, PASSWORD);
      await expect(page.getByRole('heading', { level: 1, name: w.account })).toBeVisible();

      // Name (and the language on the screen), saved by keyboard alone.
      await tabTo(page, w.name);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('Kim Nyman');
      await tabTo(page, w.saveProfile);
      await page.keyboard.press('Enter');
      await expect(page.getByText(w.saved)).toBeVisible();
      expect(await (await me(baseURL!, person.accessToken)).json()).toMatchObject({
        name: 'Kim Nyman',
        language: lang,
      });

      // A wrong current password is said beside its field; then the password changes and this session goes on.
      await page.getByRole('textbox', { name: w.current }).fill('inte mitt lösenord alls');
      await page.getByRole('textbox', { name: w.changedPassword }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: w.change, exact: true }).click();
      await expect(page.locator('#field-currentPassword-error')).toHaveText(w.wrongCurrent);
      await page.getByRole('textbox', { name: w.current }).fill(PASSWORD);
      await page.getByRole('textbox', { name: w.changedPassword }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: w.change, exact: true }).click();
      await expect(page.getByText(w.changed)).toBeVisible();

      // Calendar addresses: none, one made and listed, then revoked.
      await expect(page.getByText(w.noFeeds)).toBeVisible();
      await page.getByRole('button', { name: w.createFeed }).click();
      const url = await page.getByRole('textbox', { name: w.feedAddress }).inputValue();
      expect(url).toMatch(/\/calendar\.ics\?token=/);
      expect((await fetch(url.replace(/^https?:\/\/[^/]+/, baseURL!))).status).toBe(200);
      const revoke = page.getByRole('button', { name: new RegExp(`^${w.revoke}`) });
      await expect(revoke).toHaveCount(1);
      await checkPage(page, 'account');
      await tabTo(page, new RegExp(`^${w.revoke} `));
      await page.keyboard.press('Enter');
      await expect(page.getByText(w.revoked)).toBeVisible();
      await expect(page.getByText(w.noFeeds)).toBeVisible();
      expect((await fetch(url.replace(/^https?:\/\/[^/]+/, baseURL!))).status).toBe(401);

      // Another session (a program's), then out everywhere: that one ends too.
      const login = await fetch(`${baseURL}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: person.email, password: NEW_PASSWORD }),
      });
      const other = (await login.json()) as { accessToken: string };
      expect((await me(baseURL!, other.accessToken)).status).toBe(200);
      await page.getByRole('button', { name: w.everywhere }).click();
      await expect(page).toHaveURL(/\/sign-in\?signedOut=everywhere/);
      await expect(page.getByText(w.everywhereDone)).toBeVisible();
      expect((await me(baseURL!, other.accessToken)).status).toBe(401);
      // A reload does not bring the session back.
      await page.reload();
      await expect(page.getByRole('button', { name: w.signIn, exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: w.signOut, exact: true })).toHaveCount(0);
    });

    test('a test bed names its owner, and the search offers a list of owners to choose from by keyboard', async ({
      page,
    }) => {
      const w = WORDS[lang];
      await page.goto('/search?q=Solg%C3%A5rden');
      await page.getByRole('link', { name: /Solgården/ }).click();
      await expect(page.getByText('Stockholms stad', { exact: true })).toBeVisible();
      await page.getByRole('link', { name: w.moreFrom }).click();
      await expect(page).toHaveURL(/organizationId=/);
      const owner = page.getByRole('button', { name: new RegExp(w.owner) });
      await expect(owner).toContainText('Stockholms stad');
      await expect(page.getByRole('link', { name: /Måltidslabbet/ })).toBeVisible();
      await expect(page.getByRole('link', { name: /simuleringscentrum/ })).toHaveCount(0);

      // Another owner, chosen by keyboard from React Aria's list box (it opens on the chosen one; the list is by name).
      await owner.focus();
      await page.keyboard.press('Enter');
      const list = page.getByRole('listbox');
      await expect(list.getByRole('option', { name: w.anyOwner })).toBeVisible();
      await expect(list.getByRole('option', { name: 'Region Stockholm' })).toBeVisible();
      await checkPage(page, 'search-owner-list');
      if (!(await list.isVisible())) {
        await owner.focus();
        await page.keyboard.press('Enter');
      }
      const wanted = list.getByRole('option', { name: 'Region Stockholm' });
      for (let i = 0; i < 30 && (await wanted.getAttribute('data-focused')) === null; i++)
        await page.keyboard.press('ArrowUp');
      await expect(wanted).toHaveAttribute('data-focused');
      await page.keyboard.press('Enter');
      await expect(owner).toContainText('Region Stockholm');
      await page.getByRole('button', { name: w.search, exact: true }).click();
      await expect(page.getByRole('link', { name: /simuleringscentrum/ })).toBeVisible();
      await expect(page.getByRole('link', { name: /Solgården/ })).toHaveCount(0);
      await checkPage(page, 'search-owner');
    });
  });
}

test.describe('the stored language and forms that send once', () => {
  test('a person who chose English elsewhere gets English after signing in here, and a switch here is kept', async ({
    browser,
    baseURL,
  }) => {
    const person = await newPerson(baseURL!, 'en', 'language');
    // A browser that has never chosen a language (no fixture choosing one for it).
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await signIn(page, WORDS.sv, person.email, PASSWORD);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: WORDS.en.signOut, exact: true })).toBeVisible();

    await page.getByRole('button', { name: WORDS.en.switchLanguage }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expect
      .poll(async () => ((await (await me(baseURL!, person.accessToken)).json()) as { language: string }).language)
      .toBe('sv');
    await context.close();
  });

  test('a double click on sign-in sends one request', async ({ page, baseURL }) => {
    const person = await newPerson(baseURL!, 'sv', 'once');
    let sent = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/auth/session') sent += 1;
    });
    await page.goto('/sign-in');
    await page.getByRole('textbox', { name: WORDS.sv.email }).fill(person.email);
    await page.getByRole('textbox', { name: WORDS.sv.password, exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: WORDS.sv.signIn, exact: true }).dblclick();
    await expect(page.getByRole('button', { name: WORDS.sv.signOut, exact: true })).toBeVisible();
    expect(sent).toBe(1);
  });
});
