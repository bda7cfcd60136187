// Helpers for the administration journeys: signing in through the form, and
// reading the e-mail the worker wrote (no SMTP_URL in these runs: DATA_DIR/mail/*.eml).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { expect, type Page } from '@playwright/test';
import { STATE_FILE } from './global-setup';

export const PLATFORM_ADMIN = { email: 'admin@slussen.local', password: 'slussen-admin-2026' };
export const REGION_ADMIN = 'karin.lindqvist@demo.regionstockholm.se';

export const SIGN_IN_WORDS = {
  sv: {
    email: 'E-postadress',
    password: 'Lösenord',
    submit: 'Logga in',
    signOut: 'Logga ut',
    notFound: 'Sidan finns inte',
  },
  en: {
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    signOut: 'Sign out',
    notFound: 'Page not found',
  },
};

/** Signs in on the sign-in page (wherever it was reached from) and waits to be signed in. */
export async function signInHere(page: Page, lang: 'sv' | 'en', email: string, password: string): Promise<void> {
  const w = SIGN_IN_WORDS[lang];
  await page.getByRole('textbox', { name: w.email }).fill(email);
  await page.getByLabel(w.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: w.submit, exact: true }).click();
  await expect(page.getByRole('button', { name: w.signOut, exact: true })).toBeVisible();
}

/** The API's own address, for set-up steps and checks outside the browser. */
export function apiUrl(): string {
  return `http://127.0.0.1:${process.env.SLUSSEN_API_PORT}`;
}

/** The newest e-mail to `to` whose text has the pattern, waiting for the worker to write it. */
export async function mailTo(to: string, pattern: RegExp, timeoutMs = 45_000): Promise<RegExpMatchArray> {
  const { dataDir } = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { dataDir: string };
  const folder = join(dataDir, 'mail');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let files: string[] = [];
    try {
      files = readdirSync(folder)
        .filter((file) => file.endsWith('.eml'))
        .sort()
        .reverse();
    } catch {
      // nothing written yet
    }
    for (const file of files) {
      const mail = await simpleParser(readFileSync(join(folder, file)));
      const recipients = [mail.to]
        .flat()
        .flatMap((address) => address?.value ?? [])
        .map((address) => address.address?.toLowerCase());
      const match = (mail.text ?? '').match(pattern);
      if (recipients.includes(to.toLowerCase()) && match) return match;
    }
    if (Date.now() > deadline) throw new Error(`no e-mail to ${to} matching ${pattern} in ${folder}`);
    await new Promise((done) => setTimeout(done, 500));
  }
}
