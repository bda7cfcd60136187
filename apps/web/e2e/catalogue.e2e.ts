import { checkPage, expect, test } from './fixtures';

for (const lang of ['sv', 'en'] as const) {
  test.describe(`finding a test bed (${lang})`, () => {
    test.use({ lang });

    test('search for äldreboende from the start page finds Solgården, and its page shows rules and slots', async ({
      page,
    }) => {
      const words =
        lang === 'sv'
          ? { search: 'Sök', q: 'Sökord', slots: 'Lediga tider', rules: 'Regler för bokning', calendar: 'Kalender' }
          : { search: 'Search', q: 'Search words', slots: 'Open slots', rules: 'Booking rules', calendar: 'Calendar' };
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await checkPage(page, 'start');

      await page.getByRole('searchbox', { name: words.q }).fill('äldreboende');
      await page.getByRole('button', { name: words.search, exact: true }).click();
      await expect(page).toHaveURL(/\/search\?q=%C3%A4ldreboende/);
      const result = page.getByRole('link', { name: /Solgården/ });
      await expect(result).toBeVisible();
      await checkPage(page, 'search');

      await result.click();
      await expect(page.getByRole('heading', { level: 1, name: /Solgården/ })).toBeVisible();
      await expect(page.getByRole('heading', { name: words.rules })).toBeVisible();
      await expect(page.getByRole('heading', { name: words.slots })).toBeVisible();
      await expect(page.getByRole('grid')).toBeVisible();
      await expect(page.getByText('Europe/Stockholm').first()).toBeVisible();
      await checkPage(page, 'testbed');

      // The back button returns to the same search.
      await page.goBack();
      await expect(page.getByRole('searchbox', { name: words.q })).toHaveValue('äldreboende');
    });

    test('a slot that starts inside the booking lead time says why it cannot be booked, to anyone, and offers no booking', async ({
      page,
    }) => {
      // The demo's weekly slots start within a fortnight; the test bed asks 14 days' notice.
      const why =
        lang === 'sv'
          ? 'Går inte att boka: tiden börjar för snart enligt testbäddens regler.'
          : "Cannot be booked: the slot starts too soon under the test bed's rules.";
      await page.goto('/search?q=simuleringscentrum');
      await page.getByRole('link', { name: /simuleringscentrum/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: /simuleringscentrum/ })).toBeVisible();
      const early = page.getByRole('listitem').filter({ hasText: why }).first();
      await expect(early).toBeVisible();
      await expect(early.getByRole('button')).toHaveCount(0);
      // A slot further ahead has no such reason.
      await expect(
        page
          .getByRole('listitem')
          .filter({ hasText: lang === 'sv' ? 'Lediga platser' : 'Free places' })
          .filter({ hasNotText: why })
          .first(),
      ).toBeVisible();
    });

    test('filters live in the address, and an unknown address explains itself', async ({ page }) => {
      await page.goto('/search?environmentType=lab&domain=energy');
      await expect(page.getByRole('link', { name: /Energilabbet Hyllie/ })).toBeVisible();
      await expect(
        page.getByRole('combobox', { name: lang === 'sv' ? 'Typ av miljö' : 'Type of environment' }),
      ).toHaveValue('lab');
      await page.goto('/no/such/page');
      await expect(
        page.getByRole('heading', { level: 1, name: lang === 'sv' ? 'Sidan finns inte' : 'Page not found' }),
      ).toBeVisible();
      await checkPage(page, 'not-found');
      await page
        .getByRole('link', { name: lang === 'sv' ? 'Tillgänglighetsredogörelse' : 'Accessibility statement' })
        .click();
      await expect(
        page.getByRole('heading', {
          level: 1,
          name: lang === 'sv' ? 'Tillgänglighetsredogörelse' : 'Accessibility statement',
        }),
      ).toBeVisible();
      await checkPage(page, 'accessibility');
    });
  });
}
