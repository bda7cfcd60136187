import { apiToken, checkPage, COMPANY, DEMO_PASSWORD, expect, test } from './fixtures';
import { apiUrl, PLATFORM_ADMIN, SIGN_IN_WORDS, signInHere } from './admin-helpers';

const WORDS = {
  sv: {
    nav: 'Plattform',
    title: 'Plattformsadministration',
    municipality: 'Kommun',
    name: 'Namn',
    parent: 'Region som kommunen ligger i',
    create: 'Skapa organisationen',
    parentMissing: 'Välj regionen som kommunen ligger i',
    created: (name: string) => `Kommun ${name} är skapad.`,
    show: 'Visa',
    municipalities: 'Kommuner',
    people: 'Personer',
    q: 'Namn eller e-postadress',
    search: 'Sök',
    queues: 'Köer',
    open: 'Öppna köpanelen',
    admin: 'administratör',
    organization: 'Organisation',
    platformAdmin: 'plattformsadministratör',
    nobody: 'Ingen person matchar ”zz-ingen-alls”.',
    unavailable: 'Slussen är tillfälligt otillgänglig. Försök igen om en stund.',
    tryAgain: 'Försök igen',
    tooShort: 'Skriv minst två tecken',
  },
  en: {
    nav: 'Platform',
    title: 'Platform administration',
    municipality: 'Municipality',
    name: 'Name',
    parent: 'Region the municipality lies in',
    create: 'Create the organization',
    parentMissing: 'Choose the region the municipality lies in',
    created: (name: string) => `Municipality ${name} has been created.`,
    show: 'Show',
    municipalities: 'Municipalities',
    people: 'People',
    q: 'Name or e-mail address',
    search: 'Search',
    queues: 'Queues',
    open: 'Open the queue dashboard',
    admin: 'admin',
    organization: 'Organization',
    platformAdmin: 'platform admin',
    nobody: 'Nobody matches “zz-ingen-alls”.',
    unavailable: 'Slussen is temporarily unavailable. Please try again in a moment.',
    tryAgain: 'Try again',
    tooShort: 'Enter at least two characters',
  },
};

for (const lang of ['sv', 'en'] as const) {
  test.describe(`platform administration (${lang})`, () => {
    test.use({ lang });

    test('a platform admin creates a municipality under a region, finds a person and opens the queue dashboard', async ({
      page,
    }) => {
      const w = WORDS[lang];
      await page.goto('/sign-in');
      await signInHere(page, lang, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password);
      await page.getByRole('navigation').getByRole('link', { name: w.nav }).click();
      await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Region Stockholm' })).toBeVisible();
      await checkPage(page, 'platform-organizations');

      const name = `Testkommun ${lang} ${Date.now()}`;
      await page.getByRole('radio', { name: w.municipality }).check();
      await page.getByRole('textbox', { name: w.name, exact: true }).fill(name);
      await page.getByRole('button', { name: w.create }).click();
      await expect(page.getByText(w.parentMissing).first()).toBeVisible();
      await checkPage(page, 'platform-create-errors');

      // The parent region from a combo box, by typing and the keyboard.
      const parent = page.getByRole('combobox', { name: w.parent });
      await parent.pressSequentially('Region Sto');
      await expect(page.getByRole('option', { name: 'Region Stockholm' })).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(parent).toHaveValue('Region Stockholm');
      await page.getByRole('button', { name: w.create }).click();
      await expect(page.getByText(w.created(name))).toBeVisible();

      await page.getByLabel(w.show, { exact: true }).selectOption({ label: w.municipalities });
      const row = page.getByRole('row', { name: new RegExp(name) });
      await expect(row.getByRole('gridcell', { name: 'Region Stockholm' })).toBeVisible();

      await page.getByRole('tab', { name: w.people }).click();
      await page.getByRole('searchbox', { name: w.q }).fill('lindqvist');
      await page.getByRole('button', { name: w.search, exact: true }).click();
      const karin = page.getByRole('listitem').filter({ hasText: 'karin.lindqvist@demo.regionstockholm.se' });
      await expect(karin.getByRole('link', { name: 'Region Stockholm' })).toBeVisible();
      await expect(karin.getByText(new RegExp(`: ${w.admin}$`))).toBeVisible();
      await checkPage(page, 'platform-people');

      // Too short, nobody found, and the API away: each said in words, with a way on.
      const search = page.getByRole('searchbox', { name: w.q });
      await search.fill('z');
      await page.getByRole('button', { name: w.search, exact: true }).click();
      await expect(page.getByText(w.tooShort)).toBeVisible();
      await expect(search).toHaveAttribute('aria-invalid', 'true');
      await search.fill('zz-ingen-alls');
      await page.getByRole('button', { name: w.search, exact: true }).click();
      await expect(page.getByText(w.nobody)).toBeVisible();
      let away = true;
      await page.route('**/api/v1/users?*', (route) =>
        away
          ? route.fulfill({
              status: 503,
              contentType: 'application/problem+json',
              body: JSON.stringify({ type: '/problems/unavailable', title: 'Unavailable', status: 503 }),
            })
          : route.continue(),
      );
      await search.fill('olsson');
      await page.getByRole('button', { name: w.search, exact: true }).click();
      await expect(page.getByRole('alert').filter({ hasText: w.unavailable })).toBeVisible();
      await checkPage(page, 'platform-people-error');
      away = false;
      await page.getByRole('button', { name: w.tryAgain }).click();
      await expect(page.getByText('per.olsson@demo.lund.se')).toBeVisible();

      await page.getByRole('tab', { name: w.queues }).click();
      await checkPage(page, 'platform-queues');
      await page.getByRole('button', { name: w.open }).click();
      await expect(page).toHaveURL(/\/admin\/queues/);
      await expect(page.getByText(/notifications/i).first()).toBeVisible();
    });

    test('a company admin is offered no platform pages, and the typed address is not found', async ({ page }) => {
      const w = WORDS[lang];
      await page.goto('/sign-in');
      await signInHere(page, lang, COMPANY, DEMO_PASSWORD);
      const nav = page.getByRole('navigation', { name: lang === 'sv' ? 'Huvudmeny' : 'Main menu' });
      await expect(nav.getByRole('link', { name: w.organization })).toBeVisible();
      await expect(nav.getByRole('link', { name: w.nav })).toHaveCount(0);
      await page.goto('/platform');
      await expect(page.getByRole('heading', { level: 1, name: SIGN_IN_WORDS[lang].notFound })).toBeVisible();
      await expect(page.getByRole('tab')).toHaveCount(0);
      await checkPage(page, 'platform-not-found');
      // Nor another organization's administration, nor the API behind the page.
      const token = await apiToken(apiUrl(), COMPANY);
      expect(
        (await fetch(`${apiUrl()}/api/v1/users?q=li`, { headers: { Authorization: `Bearer ${token}` } })).status,
      ).toBe(403);
      const regions = (await fetch(`${apiUrl()}/api/v1/organizations?kind=region`, {
        headers: { Authorization: `Bearer ${token}` },
      }).then((r) => r.json())) as { items: Array<{ id: string }> };
      await page.goto(`/organization/${regions.items[0]!.id}`);
      await expect(page.getByRole('heading', { level: 1, name: SIGN_IN_WORDS[lang].notFound })).toBeVisible();
    });
  });
}
