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

test.describe('a booking sent while Slussen is too busy to take it', () => {
  test.use({ lang: 'sv' });

  test('goes through once the wait the API names is over, booked once', async ({ page }) => {
    const w = WORDS.sv;
    const title = `Rusning ${Date.now()}`;
    // The API's answer when its request queue is full: 503, Retry-After, nothing done. Given once, here.
    const sent: Array<{ at: number; key: string | null }> = [];
    await page.route('**/api/v1/slots/*/bookings', async (route) => {
      sent.push({ at: Date.now(), key: route.request().headers()['idempotency-key'] ?? null });
      if (sent.length > 1) return route.continue();
      return route.fulfill({
        status: 503,
        headers: { 'Retry-After': '1', 'Content-Type': 'application/problem+json' },
        body: JSON.stringify({
          type: '/problems/unavailable',
          title: 'Service unavailable',
          status: 503,
          detail: 'The server is busy; try again shortly',
        }),
      });
    });

    await page.goto('/sign-in?next=%2Fsearch%3Fq%3D%C3%A4ldreboende');
    await page.getByLabel(w.email).fill(COMPANY);
    await page.getByLabel(w.password).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: w.signIn }).click();
    await page.getByRole('link', { name: /^Äldreboendet Solgården/ }).click();
    await page.getByRole('button', { name: w.book }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(w.title).fill(title);
    await dialog.getByRole('button', { name: w.submit }).click();
    await expect(dialog.getByRole('heading', { name: w.sent })).toBeVisible();

    // Sent twice, the second time after the second the API asked for, with the same key: one booking.
    expect(sent).toHaveLength(2);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(sent[1]!.key).toBeTruthy();
    expect(sent[1]!.key).toBe(sent[0]!.key);
    await dialog.getByRole('link', { name: w.open }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await checkPage(page, 'booking-after-busy');
    await page.getByRole('button', { name: w.cancel }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: w.confirmCancel }).click();
    await expect(page.locator('.tag--cancelled')).toHaveText(w.cancelled);
  });
});
