import { DateTime } from 'luxon';
import { checkPage, COMPANY, expect, tabTo, test } from './fixtures';
import { MANAGER, signIn, typeDate, WORDS as W } from './manager-fixtures';

/** The Monday three weeks before the next October change (last Sunday of October) at least a month away. */
function seriesStart(): { first: DateTime; change: DateTime } {
  const now = DateTime.now().setZone('Europe/Stockholm');
  for (let year = now.year; ; year++) {
    const change = DateTime.fromObject({ year, month: 10, day: 31 }, { zone: 'Europe/Stockholm' }).minus({
      days: DateTime.fromObject({ year, month: 10, day: 31 }).weekday % 7,
    });
    const first = change.minus({ days: 20 }).startOf('day');
    if (first > now.plus({ days: 30 })) return { first, change };
  }
}

const lang = 'sv' as const;
test.describe('a manager runs a test bed by keyboard alone, a company books, the manager approves from the inbox', () => {
  test.use({ lang });

  test('create, preview and save a weekly series across the October change (09:00 stays 09:00), publish; a company books; approved from the inbox; confirmed on both sides', async ({
    page,
    browser,
    baseURL,
  }) => {
    const w = W[lang];
    const name = `Sensorlabbet ${Date.now()}`;
    const pilotTitle = `Nattlarm ${Date.now()}`;
    const { first, change } = seriesStart();

    // Johan signs in and finds the workspace in the navigation.
    await signIn(page, w, MANAGER);
    await tabTo(page, w.workspace);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: w.myTestbeds })).toBeFocused();
    await expect(page.getByRole('link', { name: 'Region Stockholms simuleringscentrum' })).toBeVisible();

    // A new test bed: first without a name, so the API's field problem shows beside the field.
    await tabTo(page, w.create);
    await page.keyboard.press('Enter');
    await tabTo(page, w.saveDraft);
    await page.keyboard.press('Enter');
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('#field-name-error')).toBeVisible();
    await checkPage(page, 'manage-testbed-form-errors');
    await tabTo(page, w.name);
    await page.keyboard.type(name);
    await tabTo(page, w.summary);
    await page.keyboard.type('Ett labb där sensorer för nattlig tillsyn prövas.');
    await tabTo(page, w.description);
    await page.keyboard.type(
      'Labbet har sängar, sensormattor och ett larmsystem som liknar en avdelnings, och personal som hjälper till.',
    );
    await tabTo(page, w.domain);
    await page.keyboard.press('Space');
    await tabTo(page, w.contact);
    await page.keyboard.type('sensorlabbet@demo.regionstockholm.se');
    await tabTo(page, w.municipality);
    await page.keyboard.type('Stockholm');
    await tabTo(page, w.maxAdvance);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('420');
    await tabTo(page, w.saveDraft);
    await page.keyboard.press('Enter');

    // Its page: a draft, previewed as the catalogue will show it.
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.locator('.tag--tb-draft')).toHaveText(w.draft);
    await checkPage(page, 'manage-testbed-draft');
    await tabTo(page, w.preview);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await checkPage(page, 'manage-testbed-preview');
    await tabTo(page, w.back);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    // A weekly series of six from three weeks before the October change, previewed first.
    await typeDate(page, w.firstDate, first, lang);
    await tabTo(page, w.once);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, w.count);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('6');
    await tabTo(page, w.previewDates);
    await page.keyboard.press('Enter');
    const preview = page.locator('.series-preview table');
    await expect(preview.locator('tbody tr')).toHaveCount(6);
    for (const row of await preview.locator('tbody tr').all())
      await expect(row.locator('td').nth(2)).toHaveText('09:00–12:00');
    const changed = preview.locator('tbody tr.dst-change');
    await expect(changed).toHaveCount(1);
    await expect(changed).toContainText(w.dst);
    // The change falls between the third and the fourth Monday.
    await expect(preview.locator('tbody tr').nth(3)).toHaveClass('dst-change');
    expect(change.weekday).toBe(7);
    await checkPage(page, 'manage-series-preview');
    await tabTo(page, w.save6);
    await page.keyboard.press('Enter');
    await expect(page.getByText(w.saved6)).toBeVisible();
    await expect(page.locator('.slot-table tbody tr')).toHaveCount(6);

    // Publish.
    await tabTo(page, w.publish);
    await page.keyboard.press('Enter');
    await expect(page.getByText(w.published)).toBeVisible();
    await checkPage(page, 'manage-testbed-published');
    const testbedUrl = new URL(page.url());
    const testbedId = testbedUrl.pathname.split('/').at(-1)!;

    // A company books the first slot (after the change) in its own browser.
    const companyContext = await browser.newContext({ baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
    const company = await companyContext.newPage();
    await company.addInitScript(() => localStorage.setItem('slussen.language', 'sv'));
    await signIn(company, w, COMPANY, `/testbeds/${testbedId}`);
    await expect(company.getByRole('heading', { level: 1, name })).toBeVisible();
    const afterChange = company
      .locator('.slot')
      .filter({ hasText: new RegExp(`${change.plus({ days: 1 }).setLocale('sv').toFormat('d MMM')}`) });
    await afterChange.getByRole('button', { name: w.book }).focus();
    await company.keyboard.press('Enter');
    await tabTo(company, w.bookingTitle);
    await company.keyboard.type(pilotTitle);
    await tabTo(company, w.submit);
    await company.keyboard.press('Enter');
    await expect(company.getByRole('dialog').getByRole('heading', { name: w.sent })).toBeVisible();
    await tabTo(company, w.open);
    await company.keyboard.press('Enter');
    await expect(company.getByRole('heading', { level: 1, name: pilotTitle })).toBeVisible();
    await expect(company.locator('.tag--status').first()).toHaveText(w.pending);
    const bookingUrl = new URL(company.url()).pathname;

    // Johan decides it from the inbox, where it names the company.
    await tabTo(page, w.requests);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: w.requests })).toBeVisible();
    const card = page.getByRole('listitem', { name: pilotTitle });
    await expect(card).toContainText('CareUp AB');
    await checkPage(page, 'manage-requests');
    await tabTo(page, w.approve(pilotTitle));
    await page.keyboard.press('Enter');
    // Approving asks first, naming the company and the slot; the safe choice has the focus.
    const confirm = page.getByRole('alertdialog', { name: w.approveTitle });
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText(`CareUp AB får tiden`);
    await expect(confirm).toContainText(/09:00–1\d:00/);
    await expect(confirm).toContainText(name);
    await expect(confirm.getByRole('button', { name: w.keep })).toBeFocused();
    await checkPage(page, 'manage-approve-dialog');
    await tabTo(page, w.approveConfirm);
    await page.keyboard.press('Enter');
    await expect(page.getByText(w.approved(pilotTitle))).toBeVisible();
    await expect(card).toHaveCount(0);
    // The button that had the focus is gone with the card: the focus is on what was done.
    await expect(page.locator('.done-notice')).toBeFocused();

    // Confirmed on both sides.
    await page.goto(bookingUrl);
    await expect(page.getByRole('heading', { level: 1, name: pilotTitle })).toBeVisible();
    await expect(page.locator('.tag--status').first()).toHaveText(w.confirmed);
    await company.reload();
    await expect(company.getByRole('heading', { level: 1, name: pilotTitle })).toBeVisible();
    await expect(company.locator('.tag--status').first()).toHaveText(w.confirmed);
    await page.goto(testbedUrl.pathname);
    await expect(page.locator('.slot-table tbody tr').filter({ hasText: w.full })).toHaveCount(1);
    await companyContext.close();
  });
});
