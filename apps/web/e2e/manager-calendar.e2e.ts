import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import { apiToken, checkPage, expect, test } from './fixtures';
import { MANAGER } from './manager-fixtures';

const RESULTS = resolve(import.meta.dirname, '../test-results/performance.json');

function record(figures: Record<string, number>) {
  mkdirSync(resolve(RESULTS, '..'), { recursive: true });
  const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  writeFileSync(RESULTS, JSON.stringify({ ...previous, ...figures }, null, 2));
}

test('the organization calendar with 500 slots in view answers each keyboard interaction within 100 ms', async ({
  page,
  baseURL,
}) => {
  // A test bed of Johan's region with 500 one-hour slots in one month: 125 weekly series of 4.
  const token = await apiToken(baseURL!, MANAGER);
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const me = (await (await fetch(`${baseURL}/api/v1/me`, { headers })).json()) as {
    memberships: Array<{ organizationId: string; kind: string }>;
  };
  const region = me.memberships.find((membership) => membership.kind === 'region')!.organizationId;
  const created = await fetch(`${baseURL}/api/v1/testbeds`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      organizationId: region,
      name: `Kalenderlabbet ${Date.now()}`,
      summary: 'Femhundra tider på en månad, för att mäta kalendern.',
      description:
        'Den här testbädden finns för att mäta hur snabbt förvaltarens kalender svarar med femhundra tider i sikte.',
      environmentType: 'lab',
      domains: ['health'],
      location: { municipality: 'Stockholm' },
      capacity: 1,
      contactEmail: 'kalender@demo.regionstockholm.se',
    }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const month = DateTime.now().setZone('Europe/Stockholm').plus({ months: 3 }).startOf('month');
  let made = 0;
  for (let day = 0; day < 7 && made < 500; day++) {
    for (let hour = 6; hour < 24 && made < 500; hour++) {
      const start = month.plus({ days: day }).set({ hour });
      const answer = await fetch(`${baseURL}/api/v1/testbeds/${id}/slots`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          startsAt: start.toISO(),
          endsAt: start.plus({ minutes: 50 }).toISO(),
          capacity: 1,
          recurrence: { frequency: 'weekly', interval: 1, count: 4 },
        }),
      });
      expect(answer.status).toBe(201);
      made += 4;
    }
  }
  expect(made).toBe(500);

  // Johan's session, through the sign-in page's API (the journey itself is tested elsewhere).
  await page.goto('/sign-in');
  await page.getByLabel(/E-postadress|E-mail address/).fill(MANAGER);
  await page.getByLabel(/^(Lösenord|Password)$/).fill('demo-lösenord-2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Logga ut|Sign out/ })).toBeVisible();

  await page.goto(`/manage/calendar?date=${month.plus({ days: 14 }).toISODate()}`);
  await expect
    .poll(() => page.locator('.calendar-list .slot').count(), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(500);
  await checkPage(page, 'manage-calendar-500');

  // Input to the next paint, measured in the page: a keydown starts the clock, the frame after React's update stops it.
  await page.evaluate(() => {
    const w = window as unknown as { __marks: number[]; __events: number[] };
    w.__marks = [];
    w.__events = [];
    document.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now();
        requestAnimationFrame(() => setTimeout(() => w.__marks.push(performance.now() - t0), 0));
      },
      true,
    );
    // The browser's own Event Timing entries (the INP measure) as a cross-check.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__events.push(entry.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });
  const cell = page.locator('.calendar--org [role="gridcell"] [tabindex="0"]');
  await cell.focus();
  const first = month.plus({ days: 14 });
  for (let step = 0; step < 6; step++) {
    // The arrow's move of focus is a React update too: press Enter on the day it reached, not the one before.
    await expect(cell).toBeFocused();
    await expect(cell.locator('span').first()).toHaveText(String(first.plus({ days: step }).day));
    await page.keyboard.press('Enter'); // select the day: the list shows only it
    // Wait for this day's list (the list follows the grid a render later), so each key meets a settled page.
    const heading = await page.evaluate(
      (day) =>
        new Intl.DateTimeFormat(document.documentElement.lang, {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          timeZone: 'UTC',
        }).format(new Date(`${day}T12:00:00Z`)),
      first.plus({ days: step }).toISODate()!,
    );
    await expect(page.locator('#calendar-list-heading')).toHaveText(heading, { ignoreCase: true });
    await page.keyboard.press('ArrowRight'); // move to the next day
  }
  // Every key's mark is taken a frame after it; wait for all twelve rather than a fixed time.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __marks: number[] }).__marks.length)).toBe(12);
  const { marks, events } = await page.evaluate(() => {
    const w = window as unknown as { __marks: number[]; __events: number[] };
    return { marks: w.__marks, events: w.__events };
  });
  const sorted = [...marks].sort((a, b) => a - b);
  const figures = {
    calendar500Interactions: marks.length,
    calendar500MedianMs: Math.round(sorted[Math.floor(sorted.length / 2)]!),
    calendar500MaxMs: Math.round(sorted.at(-1)!),
    calendar500EventTimingMaxMs: Math.round(Math.max(0, ...events)),
  };
  console.log(`calendar with 500 slots: ${JSON.stringify(figures)}`);
  record(figures);
  expect(marks.length).toBe(12);
  expect(figures.calendar500MedianMs).toBeLessThan(100);
});
