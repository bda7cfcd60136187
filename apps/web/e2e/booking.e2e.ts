import { checkPage, COMPANY, DEMO_PASSWORD, expect, tabTo, test } from './fixtures';

const WORDS = {
  sv: {
    signIn: 'Logga in',
    email: 'E-postadress',
    password: 'Lösenord',
    myBookings: 'Mina bokningar',
    search: 'Sök testbäddar',
    searchTitle: 'Sök testbäddar',
    q: 'Sökord',
    book: /^Boka (?!om)/,
    title: 'Rubrik för piloten',
    submit: 'Skicka bokningsförfrågan',
    sent: 'Förfrågan är skickad',
    open: 'Visa bokningen',
    requested: 'Förfrågan skickad',
    cancel: 'Avboka',
    confirmCancel: 'Ja, avboka',
    cancelled: 'Avbokad',
    signOut: 'Logga ut',
  },
  en: {
    signIn: 'Sign in',
    email: 'E-mail address',
    password: 'Password',
    myBookings: 'My bookings',
    search: 'Find test beds',
    searchTitle: 'Search test beds',
    q: 'Search words',
    book: /^Book (?!the)/,
    title: 'Title of the pilot',
    submit: 'Send the booking request',
    sent: 'Request sent',
    open: 'View the booking',
    requested: 'Request sent',
    cancel: 'Cancel the booking',
    confirmCancel: 'Yes, cancel',
    cancelled: 'Cancelled',
    signOut: 'Sign out',
  },
};

for (const lang of ['sv', 'en'] as const) {
  test.describe(`a company books a slot by keyboard alone (${lang})`, () => {
    test.use({ lang });

    test('sign in from a protected page, find Solgården, book, follow the events, reload, cancel', async ({ page }) => {
      const w = WORDS[lang];
      const title = `Fallsensorer ${lang} ${Date.now()}`;

      // A signed-out person who opens "my bookings" is sent to sign-in, and back after.
      await page.goto('/bookings');
      await expect(page).toHaveURL(/\/sign-in\?next=%2Fbookings/);
      await expect(page.getByRole('heading', { level: 1, name: w.signIn })).toBeVisible();
      await checkPage(page, 'sign-in');
      await tabTo(page, w.email);
      await page.keyboard.type(COMPANY);
      await tabTo(page, w.password);
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: w.myBookings })).toBeVisible();
      await checkPage(page, 'my-bookings');

      // Search by keyboard and open the test bed.
      await tabTo(page, w.search);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: w.searchTitle })).toBeFocused();
      await tabTo(page, w.q);
      await page.keyboard.type('äldreboende');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('link', { name: /Solgården/ })).toBeVisible();
      await tabTo(page, /^Äldreboendet Solgården/);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: /Solgården/ })).toBeVisible();
      await expect(page.getByRole('button', { name: w.book }).first()).toBeVisible();
      await checkPage(page, 'testbed-signed-in');

      // The first slot the API would accept, booked through the dialog.
      await tabTo(page, w.book);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await checkPage(page, 'book-dialog');
      await tabTo(page, w.title);
      await page.keyboard.type(title);
      await tabTo(page, w.submit);
      await page.keyboard.press('Enter');
      await expect(dialog.getByRole('heading', { name: w.sent })).toBeVisible();
      await tabTo(page, w.open);
      await page.keyboard.press('Enter');

      // Its page: status and the events timeline.
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByRole('list').filter({ hasText: w.requested })).toBeVisible();
      await checkPage(page, 'booking');

      // A reload keeps the session (the refresh cookie buys a new access token).
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByRole('button', { name: w.signOut })).toBeVisible();

      // It is listed under my bookings.
      await tabTo(page, w.myBookings);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('link', { name: title })).toBeVisible();
      await tabTo(page, title);
      await page.keyboard.press('Enter');

      // Cancel it.
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await tabTo(page, w.cancel);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await checkPage(page, 'cancel-dialog');
      await tabTo(page, w.confirmCancel);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alertdialog')).toBeHidden();
      await expect(page.locator('.tag--cancelled')).toHaveText(w.cancelled);
      await expect(page.getByRole('list').filter({ hasText: w.requested })).toContainText(w.cancelled);
    });
  });
}
