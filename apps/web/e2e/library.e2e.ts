import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { apiToken, checkPage, DEMO_PASSWORD, expect, SCREENSHOTS, tabTo, test } from './fixtures';
import { typeDate } from './manager-fixtures';

// The results library in the browser: the public library and a result, both sides consenting on a completed
// pilot's page (the company leaving out its lessons), Malmö stad recording that it adopted the result too, and a
// funder reading the spread; keyboard only, axe and 360 px on every page, in Swedish and in English.

const I18N = join(import.meta.dirname, '../src/i18n');
const words = (lang: 'sv' | 'en') => ({
  l: JSON.parse(readFileSync(join(I18N, lang, 'library.json'), 'utf8')),
  c: JSON.parse(readFileSync(join(I18N, lang, 'common.json'), 'utf8')),
  signIn:
    lang === 'sv'
      ? { email: 'E-postadress', password: 'Lösenord', submit: 'Logga in' }
      : { email: 'E-mail address', password: 'Password', submit: 'Sign in' },
});

const COMPANIES = ['ida.falk@demo.eduplay.se', 'oskar.nord@demo.gatuljus.se'];
const MALMO = 'lina.nguyen@demo.malmo.se';
const FUNDER = 'analytiker@demo.innovationsverket.se';
// The demo's test beds and who manages each (Malmö stad's left out: Malmö adopts here).
const MANAGERS: Record<string, string> = {
  'Äldreboendet Solgården – avdelning för välfärdsteknik': 'eva.berg@demo.stockholm.se',
  'Måltidslabbet för äldreomsorgen': 'eva.berg@demo.stockholm.se',
  'Region Stockholms simuleringscentrum': 'johan.ek@demo.regionstockholm.se',
  'Hemsjukvårdens testmiljö': 'ali.hassan@demo.skane.se',
  'Psykiatrins digitala mottagning': 'ali.hassan@demo.skane.se',
  'Smarta gatan Lindholmen': 'nils.karlsson@demo.goteborg.se',
  'Framtidens klassrum Lund': 'per.olsson@demo.lund.se',
  'Hemmiljölabb för trygg hemgång': 'per.olsson@demo.lund.se',
  'Innovationsplatsen vid universitetssjukhuset': 'maria.svensson@demo.vgregion.se',
  'Självkörande bussar på campus': 'maria.svensson@demo.vgregion.se',
};
// Every completed pilot of the demo history has these lessons; the company leaves them out.
const LESSONS = 'Tidig dialog med personalen och tydliga mått gjorde utvärderingen enkel.';

async function signIn(page: Page, lang: 'sv' | 'en', email: string, next: string) {
  const w = words(lang).signIn;
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await tabTo(page, w.email);
  await page.keyboard.type(email);
  await tabTo(page, w.password);
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === next);
  await expect(page.locator('h1')).toBeVisible();
}

async function signOut(page: Page, lang: 'sv' | 'en') {
  const { c } = words(lang);
  await page.getByRole('button', { name: c.nav.signOut, exact: true }).click();
  await expect(page.getByRole('link', { name: c.nav.signIn })).toBeVisible();
}

/** A completed pilot of a demo company with a login, on a test bed whose manager is known, that nobody consented to publish yet. */
async function unpublishedPilot(baseURL: string) {
  for (const email of COMPANIES) {
    const token = await apiToken(baseURL, email);
    const headers = { Authorization: `Bearer ${token}` };
    const { items } = (await (
      await fetch(`${baseURL}/api/v1/pilots?stage=completed&limit=200`, { headers })
    ).json()) as { items: Array<{ id: string; title: string; testbedName: string }> };
    for (const pilot of items.filter((item) => MANAGERS[item.testbedName])) {
      const publication = (await (
        await fetch(`${baseURL}/api/v1/pilots/${pilot.id}/publication`, { headers })
      ).json()) as { company: boolean; testbed: boolean };
      if (!publication.company && !publication.testbed)
        return { ...pilot, company: email, manager: MANAGERS[pilot.testbedName]! };
    }
  }
  throw new Error('no unpublished completed pilot of a demo company with a login');
}

for (const lang of ['sv', 'en'] as const) {
  test.describe(`the results library (${lang})`, () => {
    test.use({ lang });

    test('anyone searches the library; both sides consent, the company leaving out its lessons; Malmö stad adopts it; a funder reads the spread', async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(300_000);
      const { l, c } = words(lang);
      // The demo's result: the first published (a journey in the other language may have published one of the same title).
      const { items } = (await (await fetch(`${baseURL}/api/v1/results?limit=200`)).json()) as {
        items: Array<{ id: string; title: string; publishedAt: string }>;
      };
      const demo = items.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))[0]!;
      const demoLink = page.getByRole('link', { name: demo.title }).and(page.locator(`[href="/results/${demo.id}"]`));

      // Anyone: from the navigation to the library, by keyboard; a Swedish search finds the demo's result.
      await page.goto('/');
      await tabTo(page, c.nav.results);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: l.list.title })).toBeVisible();
      await tabTo(page, l.list.q);
      await page.keyboard.type(demo.title.split(' ')[0]!.toLowerCase());
      await tabTo(page, l.list.submit);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/q=/);
      await expect(demoLink).toBeVisible();
      await checkPage(page, 'results');
      await demoLink.click();
      await expect(page.getByRole('heading', { level: 1, name: demo.title })).toBeVisible();
      await expect(page.getByRole('list', { name: l.result.spreadLabel })).toContainText('Malmö stad');
      await expect(page.getByRole('region', { name: l.result.metricsLabel })).toBeVisible();
      await checkPage(page, 'result');

      // The company consents from the completed pilot's page, leaving out its lessons: not published yet.
      const pilot = await unpublishedPilot(baseURL!);
      await signIn(page, lang, pilot.company, `/pilots/${pilot.id}`);
      const section = page.getByRole('region', { name: l.consent.title });
      await expect(section).toContainText(l.consent.waiting);
      await tabTo(page, l.consent.parts.lessons);
      await page.keyboard.press('Space');
      await expect(section.getByRole('checkbox', { name: l.consent.parts.lessons })).not.toBeChecked();
      await tabTo(page, l.consent.give);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status').filter({ hasText: l.consent.done.consented })).toBeVisible();
      await expect(section).toContainText(`${l.consent.company} ${l.consent.consented}`);
      await expect(section).toContainText(`${l.consent.testbed} ${l.consent.notConsented}`);
      await checkPage(page, 'pilot-consent');
      await section.screenshot({ path: join(SCREENSHOTS, `consent-section-${lang}.png`) });
      await signOut(page, lang);

      // The test bed's manager consents to everything: published, with only what both consented to.
      await signIn(page, lang, pilot.manager, `/pilots/${pilot.id}`);
      await tabTo(page, l.consent.give);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status').filter({ hasText: l.consent.done.published })).toBeVisible();
      await tabTo(page, l.consent.openResult);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: pilot.title })).toBeVisible();
      await expect(page.getByRole('heading', { name: l.result.notShownTitle })).toBeVisible();
      await expect(page.getByRole('heading', { name: l.result.lessonsTitle })).toHaveCount(0);
      // Neither the page nor the API shows the lessons the company left out.
      const resultId = new URL(page.url()).pathname.split('/').pop()!;
      expect(await page.content()).not.toContain(LESSONS);
      const json = await (await fetch(`${baseURL}/api/v1/results/${resultId}`)).text();
      expect(json).not.toContain(LESSONS);
      expect(JSON.parse(json)).toMatchObject({ outcome: { lessons: null } });
      await checkPage(page, 'result-published');
      await signOut(page, lang);

      // Malmö stad records, by keyboard, that it adopted the result too.
      await signIn(page, lang, MALMO, `/results/${resultId}`);
      await expect(page.getByRole('heading', { level: 2, name: l.adopt.title })).toBeVisible();
      await typeDate(page, l.adopt.adoptedAt, DateTime.now().minus({ days: 1 }), lang);
      await tabTo(page, l.adopt.note);
      await page.keyboard.type('Införs på två boenden.');
      await tabTo(page, l.adopt.submit);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status').filter({ hasText: 'Malmö stad' })).toBeVisible();
      await expect(page.getByRole('list', { name: l.result.spreadLabel })).toContainText('Malmö stad');
      await expect(page.getByRole('heading', { level: 2, name: l.adopt.title })).toHaveCount(0);
      await checkPage(page, 'result-adopted');
      await signOut(page, lang);

      // A funder reads, per domain, which results spread and how far.
      await signIn(page, lang, FUNDER, '/results');
      await tabTo(page, l.spread.title);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: l.spread.title })).toBeVisible();
      await expect(page.getByRole('region', { name: l.spread.tableLabel })).toBeVisible();
      await expect(page.getByRole('link', { name: pilot.title }).first()).toBeVisible();
      await checkPage(page, 'spread');
    });
  });
}
