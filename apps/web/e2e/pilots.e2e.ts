import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { apiToken, checkPage, COMPANY, DEMO_PASSWORD, expect, tabTo, test } from './fixtures';

const MANAGER = 'johan.ek@demo.regionstockholm.se';
const I18N = join(import.meta.dirname, '../src/i18n');
const words = (lang: 'sv' | 'en') => ({
  p: JSON.parse(readFileSync(join(I18N, lang, 'pilots.json'), 'utf8')),
  c: JSON.parse(readFileSync(join(I18N, lang, 'common.json'), 'utf8')),
  signIn:
    lang === 'sv'
      ? { email: 'E-postadress', password: 'Lösenord', submit: 'Logga in' }
      : { email: 'E-mail address', password: 'Password', submit: 'Sign in' },
});

async function signIn(page: Page, lang: 'sv' | 'en', email: string, next: string) {
  const w = words(lang).signIn;
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByRole('textbox', { name: w.email }).fill(email);
  await page.getByLabel(w.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: w.submit, exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === next.split('?')[0]);
  await expect(page.locator('h1')).toBeVisible();
}

async function signOut(page: Page, lang: 'sv' | 'en') {
  await page.getByRole('button', { name: words(lang).c.nav.signOut, exact: true }).click();
  await expect(page.getByRole('link', { name: words(lang).c.nav.signIn })).toBeVisible();
}

/**
 * A pilot of CareUp at a fresh test bed of Region Stockholm whose slot starts on
 * a whole minute about two minutes ahead: the real clock, moved by nobody, starts it
 * (the worker looks every few seconds in the test platform).
 */
async function freshPilot(baseURL: string, title: string) {
  const manager = await apiToken(baseURL, MANAGER);
  const company = await apiToken(baseURL, COMPANY);
  const as = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });
  const me = (await (await fetch(`${baseURL}/api/v1/me`, { headers: as(manager) })).json()) as {
    memberships: Array<{ organizationId: string; kind: string }>;
  };
  const region = me.memberships.find((membership) => membership.kind === 'region')!.organizationId;
  const created = await fetch(`${baseURL}/api/v1/testbeds`, {
    method: 'POST',
    headers: as(manager),
    body: JSON.stringify({
      organizationId: region,
      name: `Nattlabbet ${title}`,
      summary: 'Ett rum för att pröva larm nattetid.',
      description: 'Ett rum på simuleringscentret där nattpersonal prövar larm och sensorer tillsammans med företag.',
      environmentType: 'simulated',
      domains: ['health'],
      location: { municipality: 'Stockholm' },
      contactEmail: 'natt@demo.regionstockholm.se',
      timezone: 'Europe/Stockholm',
      rules: {
        requiresApproval: true,
        minLeadDays: 0,
        maxAdvanceDays: 365,
        maxActiveBookingsPerCompany: 50,
        decisionDays: 5,
      },
    }),
  });
  expect(created.status).toBe(201);
  const testbed = (await created.json()) as { id: string };
  expect(
    (await fetch(`${baseURL}/api/v1/testbeds/${testbed.id}/publish`, { method: 'POST', headers: as(manager) })).status,
  ).toBe(200);
  const startsAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 120_000);
  const endsAt = new Date(startsAt.getTime() + 2 * 86_400_000);
  const slot = await fetch(`${baseURL}/api/v1/testbeds/${testbed.id}/slots`, {
    method: 'POST',
    headers: as(manager),
    body: JSON.stringify({ startsAt, endsAt, capacity: 1 }),
  });
  expect(slot.status).toBe(201);
  const slotId = ((await slot.json()) as { items: Array<{ id: string }> }).items[0]!.id;
  const booking = await fetch(`${baseURL}/api/v1/slots/${slotId}/bookings`, {
    method: 'POST',
    headers: as(company),
    body: JSON.stringify({ title }),
  });
  expect(booking.status).toBe(201);
  const bookingId = ((await booking.json()) as { id: string }).id;
  expect(
    (await fetch(`${baseURL}/api/v1/bookings/${bookingId}/approve`, { method: 'POST', headers: as(manager) })).status,
  ).toBe(200);
  const pilots = (await (await fetch(`${baseURL}/api/v1/pilots?limit=200`, { headers: as(company) })).json()) as {
    items: Array<{ id: string; title: string }>;
  };
  return { id: pilots.items.find((pilot) => pilot.title === title)!.id, startsAt };
}

test.describe('a pilot from plan to outcome, both sides (sv)', () => {
  test.use({ lang: 'sv' });

  test('both sides edit and approve the plan, a change needs new approvals, the pilot starts, CareUp measures, Johan ends it early and records a procurement', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(420_000);
    const { p, c } = words('sv');
    const title = `Sängsensorer ${Date.now()}`;
    const pilot = await freshPilot(baseURL!, title);
    const facts = page.locator('dl.facts').first();

    // Li finds the pilot from the navigation, planned, with no plan yet.
    await signIn(page, 'sv', COMPANY, '/search');
    await tabTo(page, c.nav.pilots);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: p.list.title })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${p.stages.planned}`) })).toBeVisible();
    await checkPage(page, 'pilots');
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(facts).toContainText(p.stages.planned);
    await expect(facts).toContainText('Europe/Stockholm');
    await expect(page.getByRole('button', { name: p.actions.approve })).toBeVisible();
    await expect(page.getByRole('button', { name: p.actions.outcome })).toHaveCount(0);
    await checkPage(page, 'pilot-planned');

    // The plan as one: goals and a metric; errors beside the field first.
    await page.getByRole('button', { name: p.actions.editPlan }).click();
    const form = page.getByRole('form', { name: p.planFormLabel });
    await form.getByLabel(p.fields.goals, { exact: true }).fill('Färre fall nattetid\nPersonalen hinner fram');
    await form.getByLabel(p.fields.key, { exact: true }).fill('Fall!');
    await form.getByLabel(p.fields.name, { exact: true }).fill('Fall per vecka');
    await form.getByLabel(p.fields.unit, { exact: true }).fill('fall');
    await form.getByLabel(p.fields.baseline, { exact: true }).fill('9');
    await form.getByLabel(p.fields.target, { exact: true }).fill('4');
    await form.getByLabel(p.fields.minimum, { exact: true }).fill('0');
    await form.getByRole('button', { name: p.actions.savePlan }).click();
    const keyField = form.locator('.field', { has: page.getByLabel(p.fields.key, { exact: true }) });
    await expect(keyField.locator('.field-error')).toContainText('a–z');
    await checkPage(page, 'pilot-plan-form');
    await form.getByLabel(p.fields.key, { exact: true }).fill('falls');
    await form.getByRole('button', { name: p.actions.savePlan }).click();
    await expect(page.getByRole('status').filter({ hasText: p.done.planSaved })).toBeVisible();
    await expect(page.getByRole('table').filter({ hasText: 'Fall per vecka' }).first()).toBeVisible();

    // Li approves by keyboard; the test bed has yet to.
    await tabTo(page, p.actions.approve);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: p.done.approved })).toBeVisible();
    await expect(page.getByText(p.waitingFor.testbed)).toBeVisible();
    await signOut(page, 'sv');

    // Johan sees the company's approval, changes the target: a new version that both must approve again.
    await signIn(page, 'sv', MANAGER, `/pilots/${pilot.id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.locator('.approvals')).toContainText(`${p.sides.company}: ${p.approved}`);
    await page.getByRole('button', { name: p.actions.editPlan }).click();
    await form.getByLabel(p.fields.target, { exact: true }).fill('3');
    await form.getByRole('button', { name: p.actions.savePlan }).click();
    await expect(page.getByRole('status').filter({ hasText: p.done.planSaved })).toBeVisible();
    await expect(page.locator('.approvals')).toContainText(`${p.sides.company}: ${p.notApproved}`);
    await page.getByRole('button', { name: p.actions.approve }).click();
    await expect(page.getByText(p.waitingFor.company)).toBeVisible();
    await signOut(page, 'sv');

    // Li approves the new version: agreed; the versions show who approved which.
    await signIn(page, 'sv', COMPANY, `/pilots/${pilot.id}`);
    await page.getByRole('button', { name: p.actions.approve }).click();
    await expect(page.getByRole('status').filter({ hasText: p.done.agreed })).toBeVisible();
    const versions = page.getByRole('region', { name: p.versionsTitle });
    await expect(versions.getByRole('row')).toHaveCount(4);
    await expect(versions.getByRole('row').nth(1)).toContainText(p.agreed);

    // The slot starts: the worker moves the pilot to running.
    await expect(async () => {
      await page.reload();
      await expect(facts).toContainText(p.stages.running, { timeout: 2_000 });
    }).toPass({ timeout: 240_000, intervals: [3_000] });
    await expect(page.getByRole('region', { name: p.requestsTitle })).toContainText(p.requestStates.due);
    // No measurement yet: said once, not by an empty chart and an empty table both.
    await expect(page.getByText('Inga mätningar av Fall per vecka ännu.')).toHaveCount(1);
    await expect(page.getByRole('img', { name: /Fall per vecka/ })).toHaveCount(0);
    // The plan's table names its metrics; their keys are for the plan form only.
    await expect(page.getByRole('rowheader', { name: 'Fall per vecka (fall)', exact: true })).toBeVisible();

    // Li submits a measurement by keyboard: first one out of bounds, told beside the field.
    await tabTo(page, p.measurementForm.value);
    await page.keyboard.type('-1');
    await tabTo(page, p.measurementForm.submit);
    await page.keyboard.press('Enter');
    const valueField = page.locator('.field', { has: page.getByLabel(p.measurementForm.value, { exact: true }) });
    await expect(valueField.locator('.field-error')).toContainText('minst 0 fall');
    await page.getByLabel(p.measurementForm.value, { exact: true }).fill('6');
    await tabTo(page, p.measurementForm.submit);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Mätningen av Fall per vecka är sparad.' })).toBeVisible();

    // The chart and the table show it.
    const chart = page.getByRole('img', { name: /Fall per vecka \(fall\) över tid/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator('circle')).toHaveCount(1);
    await expect(chart.locator('desc')).toHaveText(/1 mätning; den senaste, 6 fall/);
    // Round ticks from the floor (0) past the baseline (9), with the target (3) and the value (6) between.
    expect(await chart.locator('.chart-tick text').allTextContents()).toEqual(['0', '2', '4', '6', '8', '10']);
    await expect(page.getByText('Inga mätningar av Fall per vecka ännu.')).toHaveCount(0);
    const table = page.getByRole('region', { name: 'Mätningar av Fall per vecka' });
    await expect(table.getByRole('cell', { name: '6', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: p.requestsTitle })).toContainText(p.requestStates.answered);
    await checkPage(page, 'pilot-running');
    await signOut(page, 'sv');

    // Johan follows it and records the outcome: procured, with its reference and date.
    await signIn(page, 'sv', MANAGER, `/pilots/${pilot.id}`);
    await expect(
      page.getByRole('region', { name: 'Mätningar av Fall per vecka' }).getByRole('cell', { name: '6', exact: true }),
    ).toBeVisible();
    // He ends the running phase early: evaluating; the outcome is still his to record.
    await page.getByRole('button', { name: p.actions.evaluate }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm.getByRole('button', { name: p.keep })).toBeFocused();
    await confirm.getByRole('button', { name: p.evaluateDialog.confirm }).click();
    await expect(page.getByRole('status').filter({ hasText: p.done.evaluating })).toBeVisible();
    await expect(facts).toContainText(p.stages.evaluating);
    await expect(page.getByRole('button', { name: p.actions.evaluate })).toHaveCount(0);
    await page.getByRole('button', { name: p.actions.outcome }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('label.radio', { hasText: p.results.procured }).click();
    await expect(dialog.getByRole('radio', { name: new RegExp(`^${p.results.procured}`) })).toBeChecked();
    await dialog
      .getByLabel(p.outcomeForm.summary, { exact: true })
      .fill('Sensormattorna köps in till alla avdelningar.');
    await dialog.getByRole('button', { name: p.outcomeForm.confirm }).click();
    await expect(dialog.locator('.field-error').filter({ hasText: p.outcomeForm.referenceMissing })).toBeVisible();
    await checkPage(page, 'pilot-outcome-dialog');
    await dialog.getByLabel(p.outcomeForm.procurementReference, { exact: true }).fill('RS 2026-0412');
    await dialog.locator('.date-input [role="spinbutton"]').first().click();
    await page.keyboard.type('20261130');
    await dialog.getByRole('button', { name: p.outcomeForm.confirm }).click();
    await expect(page.getByRole('status').filter({ hasText: p.done.outcome })).toBeVisible();
    await expect(facts).toContainText(p.stages.completed);
    await expect(page.getByText('RS 2026-0412')).toBeVisible();
    // The award date in words, as the page's other dates.
    await expect(page.getByText('30 november 2026', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: p.actions.approve })).toHaveCount(0);
    await expect(page.locator('.timeline')).toContainText(p.eventTypes.evaluating);
    await expect(page.locator('.timeline')).toContainText(p.eventTypes.completed);
    // The history reads in Swedish throughout: rendered from each event's facts, none of the API's English wording.
    const timeline = page.locator('.timeline');
    await expect(timeline).toContainText('Testbädden godkände planversion 3.');
    await expect(timeline).toContainText('Tiden i testbädden började.');
    await expect(timeline).toContainText('Utfall: Upphandlad.');
    await expect(timeline).not.toContainText('the slot started');
    await expect(timeline.locator('[lang="en"]')).toHaveCount(0);
    await page
      .locator('section[aria-labelledby="events"]')
      .screenshot({ path: test.info().outputPath('timeline-sv.png') });
    await checkPage(page, 'pilot-completed');
  });
});

test.describe('the demo pilot, in English', () => {
  test.use({ lang: 'en' });

  test('Li and Johan follow the CareUp pilot; the list, the page and its dialogs pass axe', async ({ page }) => {
    const { p, c } = words('en');
    await signIn(page, 'en', COMPANY, '/pilots');
    await expect(page.getByRole('heading', { level: 1, name: p.list.title })).toBeVisible();
    await checkPage(page, 'pilots');
    await page.getByRole('link', { name: 'Sensormattor mot fall nattetid' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sensormattor mot fall nattetid' })).toBeVisible();
    await expect(page.locator('dl.facts').first()).toContainText('CareUp AB');
    await expect(page.getByRole('img', { name: /Fall per vecka/ })).toBeVisible();
    await checkPage(page, 'pilot');
    // When a value was observed is typed on a 24-hour clock in English too, never "AM" or "PM".
    const observed = page.getByRole('group', { name: p.measurementForm.observedAt });
    await expect(observed).toBeVisible();
    await expect(observed).not.toContainText(/AM|PM/);
    await page.locator('.measurement-form').screenshot({ path: test.info().outputPath('measurement-form-en.png') });
    // The history reads in English, from each event's facts.
    await expect(page.locator('.timeline')).toContainText(p.eventTypes.created);
    await expect(page.locator('.timeline [lang]')).toHaveCount(0);
    await page
      .locator('section[aria-labelledby="events"]')
      .screenshot({ path: test.info().outputPath('timeline-en.png') });
    // Abort is offered; its reason is required, said beside the field; going back keeps the pilot.
    await page.getByRole('button', { name: p.actions.abort }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: p.abortDialog.confirm }).click();
    await expect(dialog.locator('.field-error')).toHaveText(p.abortDialog.reasonMissing);
    await checkPage(page, 'pilot-abort-dialog');
    await dialog.getByRole('button', { name: p.keep }).click();
    await expect(dialog).toHaveCount(0);
    // The pulled source: the token is write-only.
    await page.getByRole('button', { name: p.actions.registerSource }).click();
    await page.getByLabel(p.sourceForm.url, { exact: true }).fill('https://data.careup.example/falls.json');
    await page.getByLabel(p.sourceForm.token, { exact: true }).fill('hemlig-nyckel');
    await page.getByRole('button', { name: p.sourceForm.save }).click();
    await expect(page.getByRole('status').filter({ hasText: p.done.source })).toBeVisible();
    await expect(page.getByText(p.tokenKept)).toBeVisible();
    await expect(page.getByText('hemlig-nyckel')).toHaveCount(0);
    // The running demo pilot's due request may make the worker try the source at once: either state is right here.
    await expect(page.getByRole('heading', { name: p.fetchesTitle, exact: true })).toBeVisible();
    // A pilot that is not theirs (or no pilot at all) is not found.
    await page.goto('/pilots/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { level: 1, name: c.notFound.title })).toBeVisible();
    await signOut(page, 'en');

    await signIn(page, 'en', MANAGER, '/pilots');
    // The demo's year of completed pilots: the most recently ended first.
    const ended = new Map(
      (
        (await (
          await fetch(`${new URL(page.url()).origin}/api/v1/pilots?limit=200`, {
            headers: { Authorization: `Bearer ${await apiToken(new URL(page.url()).origin, MANAGER)}` },
          })
        ).json()) as { items: Array<{ id: string; endsAt: string }> }
      ).items.map((item) => [item.id, Date.parse(item.endsAt)]),
    );
    const completed = await page
      .locator('section[aria-labelledby="stage-completed"] h3 a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')!.split('/').at(-1)!));
    expect(completed.length).toBeGreaterThan(1);
    const ends = completed.map((id) => ended.get(id)!);
    expect(ends).toEqual([...ends].sort((a, b) => b - a));
    // A year of them: the ten newest, the rest on request, where the reader carries on.
    const listed = ended.size;
    expect(completed).toHaveLength(10);
    const completedSection = page.locator('section[aria-labelledby="stage-completed"]');
    const total = Number((await completedSection.locator('h2 .meta').innerText()).replace(/\D/g, ''));
    expect(total).toBeGreaterThan(10);
    expect(total).toBeLessThanOrEqual(listed);
    await completedSection.getByRole('button', { name: `Show all ${total} completed pilots` }).click();
    await expect(completedSection.locator('h3 a')).toHaveCount(total);
    await expect(completedSection.locator('h3 a').nth(10)).toBeFocused();
    await page.getByRole('link', { name: 'Sensormattor mot fall nattetid' }).first().click();
    await expect(page.locator('.approvals')).toContainText(`${p.sides.company}: ${p.approved}`);
    await expect(page.getByRole('button', { name: p.actions.approve })).toHaveCount(0);
    await checkPage(page, 'pilot-manager');
  });
});
