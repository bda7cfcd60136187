import { checkPage, expect, test } from './fixtures';

const WORDS = {
  sv: {
    signUp: 'Skapa företagskonto',
    title: 'Skapa ett företagskonto',
    submit: 'Skapa konto',
    problem: 'Det finns ett problem',
    name: 'Ditt namn',
    email: 'E-postadress',
    password: 'Välj ett lösenord',
    company: 'Företagets namn',
    nameMissing: 'Skriv ditt namn',
    passwordShort: 'Lösenordet måste ha minst 12 tecken',
    signOut: 'Logga ut',
    account: 'Mitt konto',
    feed: 'Skapa en kalenderadress',
    address: 'Kalenderadress',
  },
  en: {
    signUp: 'Create a company account',
    title: 'Create a company account',
    submit: 'Create the account',
    problem: 'There is a problem',
    name: 'Your name',
    email: 'E-mail address',
    password: 'Choose a password',
    company: 'Company name',
    nameMissing: 'Enter your name',
    passwordShort: 'The password must have at least 12 characters',
    signOut: 'Sign out',
    account: 'My account',
    feed: 'Create a calendar address',
    address: 'Calendar address',
  },
};

for (const lang of ['sv', 'en'] as const) {
  test.describe(`a company signs up (${lang})`, () => {
    test.use({ lang });

    test('errors beside their fields and in a summary, then signed in with a calendar feed to copy', async ({
      page,
    }) => {
      const w = WORDS[lang];
      await page.goto('/');
      await page.getByRole('navigation').getByRole('link', { name: w.signUp }).click();
      await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeVisible();
      await checkPage(page, 'sign-up');

      // Nothing filled in: a summary at the top linking to each field, and each error beside its field.
      await page.getByRole('textbox', { name: w.password }).fill('short');
      await page.getByRole('button', { name: w.submit }).click();
      const summary = page.getByRole('alert').filter({ hasText: w.problem });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('link', { name: w.nameMissing })).toBeVisible();
      await expect(page.getByText(w.passwordShort).first()).toBeVisible();
      await checkPage(page, 'sign-up-errors');
      await summary.getByRole('link', { name: w.nameMissing }).click();
      await expect(page.getByRole('textbox', { name: w.name })).toBeFocused();

      const email = `ny.${lang}.${Date.now()}@exempel.se`;
      await page.getByRole('textbox', { name: w.name }).fill('Nora Nybörjare');
      await page.getByRole('textbox', { name: w.email }).fill(email);
      await page.getByRole('textbox', { name: w.password }).fill('ett långt lösenord 2026');
      await page.getByRole('textbox', { name: w.company }).fill(`Nybörjarbolaget ${lang} AB`);
      await page.getByRole('button', { name: w.submit }).click();
      await expect(page).toHaveURL(/\/search/);
      await expect(page.getByRole('button', { name: w.signOut, exact: true })).toBeVisible();

      await page.getByRole('link', { name: w.account }).click();
      await expect(page.getByText(email)).toBeVisible();
      await page.getByRole('button', { name: w.feed }).click();
      await expect(page.getByRole('textbox', { name: w.address })).toHaveValue(/\/calendar\.ics\?token=/);
      await checkPage(page, 'account');

      await page.getByRole('button', { name: w.signOut, exact: true }).click();
      await expect(page.getByRole('link', { name: w.signUp }).first()).toBeVisible();
    });
  });
}
