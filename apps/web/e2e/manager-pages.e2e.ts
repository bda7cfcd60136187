import { checkPage, COMPANY, expect, tabTo, test } from './fixtures';
import { MANAGER, signIn, WORDS } from './manager-fixtures';

const MORE = {
  sv: {
    calendar: 'Kalender', week: 'Vecka', month: 'Månad', requests: 'Förfrågningar', vitalsens: 'Vitalparametrar i hemsjukvården',
    reject: 'Avslå Vitalparametrar i hemsjukvården från Vitalsens AB', reason: 'Motivering', rejectConfirm: 'Avslå förfrågan',
    rejected: 'Avslagen: Vitalparametrar i hemsjukvården. Företaget får er motivering via e-post.', reasonNeeded: 'Skriv varför förfrågan avslås.',
    create: 'Skapa en testbädd', createTitle: 'Skapa en testbädd', nextMonth: 'Nästa månad',
  },
  en: {
    calendar: 'Calendar', week: 'Week', month: 'Month', requests: 'Requests', vitalsens: 'Vitalparametrar i hemsjukvården',
    reject: 'Reject Vitalparametrar i hemsjukvården from Vitalsens AB', reason: 'Reason', rejectConfirm: 'Reject the request',
    rejected: 'Rejected: Vitalparametrar i hemsjukvården. The company gets your reason by e-mail.', reasonNeeded: 'Say why the request is rejected.',
    create: 'Create a test bed', createTitle: 'Create a test bed', nextMonth: 'Next month',
  },
};

// Swedish first: Johan decides Vitalsens' request from the demo data there; the English run finds the inbox without it.
for (const lang of ['sv', 'en'] as const) {
  test.describe(`the manager workspace's pages (${lang})`, () => {
    test.use({ lang });

    test('my test beds, the form, the calendar by month and week, and the inbox pass axe at desktop width and 360 px; Vitalsens’ request is decided by keyboard', async ({ page }) => {
      const w = WORDS[lang];
      const m = MORE[lang];
      await signIn(page, w, MANAGER, '/manage');
      await expect(page.getByRole('heading', { level: 1, name: w.myTestbeds })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Region Stockholms simuleringscentrum' })).toBeVisible();
      await checkPage(page, 'manage-home');

      await tabTo(page, m.create);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: m.createTitle })).toBeFocused();
      await checkPage(page, 'manage-testbed-form');

      await tabTo(page, m.calendar);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: m.calendar })).toBeFocused();
      // The demo's slots begin next week: the next month has some.
      await tabTo(page, m.nextMonth);
      await page.keyboard.press('Enter');
      await expect(page.locator('.calendar-list .slot').first()).toBeVisible();
      await checkPage(page, 'manage-calendar-month');
      await tabTo(page, m.week);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: m.week, exact: true })).toHaveAttribute('aria-pressed', 'true');
      await checkPage(page, 'manage-calendar-week');

      await tabTo(page, m.requests);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: m.requests })).toBeFocused();
      if (lang === 'sv') {
        const card = page.getByRole('listitem', { name: m.vitalsens });
        await expect(card).toContainText('Vitalsens AB');
        await expect(card).toContainText('Region Stockholms simuleringscentrum');
        await checkPage(page, 'manage-inbox');
        await tabTo(page, m.reject);
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        // A rejection needs a reason, said beside the field.
        await tabTo(page, m.rejectConfirm);
        await page.keyboard.press('Enter');
        await expect(dialog.getByText(m.reasonNeeded).first()).toBeVisible();
        await checkPage(page, 'manage-reject-dialog');
        await tabTo(page, m.reason);
        await page.keyboard.type('Vi har inte personal för hemsjukvårdsprov den veckan.');
        await tabTo(page, m.rejectConfirm);
        await page.keyboard.press('Enter');
        await expect(dialog).toBeHidden();
        await expect(page.getByText(m.rejected)).toBeVisible();
        await expect(card).toHaveCount(0);
      } else {
        await expect(page.getByRole('listitem', { name: m.vitalsens })).toHaveCount(0);
        await checkPage(page, 'manage-inbox');
      }
    });

    test('a company member is offered no workspace, and a typed address shows not-found', async ({ page }) => {
      const w = WORDS[lang];
      await signIn(page, w, COMPANY, '/bookings');
      await expect(page.getByRole('navigation', { name: lang === 'sv' ? 'Huvudmeny' : 'Main menu' })).toBeVisible();
      await expect(page.getByRole('link', { name: w.workspace })).toHaveCount(0);
      for (const path of ['/manage', '/manage/requests', '/manage/calendar', '/manage/testbeds/new']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: w.notFound })).toBeVisible();
        await expect(page.getByRole('link', { name: w.workspace })).toHaveCount(0);
      }
      await checkPage(page, 'manage-not-found-for-company');
    });
  });
}
