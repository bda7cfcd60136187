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
