import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SCREENSHOTS = resolve(import.meta.dirname, '../test-results/screenshots');
export const DEMO_PASSWORD = 'demo-lösenord-2026';
export const COMPANY = 'li.andersson@demo.careup.se';
export const OTHER_COMPANY = 'emma.wiklund@demo.vitalsens.se';

export const test = base.extend<{ lang: 'sv' | 'en' }>({
  lang: ['sv', { option: true }],
  // The platform global-setup started; its address is known only once it runs.
  baseURL: async ({}, use) => use(process.env.SLUSSEN_WEB_URL),
  page: async ({ page, lang }, use) => {
    // The language a person chose earlier in this browser.
    await page.addInitScript((language) => {
      try {
        if (!localStorage.getItem('slussen.language')) localStorage.setItem('slussen.language', language);
      } catch {
        // about:blank has no storage
      }
    }, lang);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    expect(errors, 'no script errors on the page').toEqual([]);
  },
});
export { expect };

/**
 * Every page a journey visits: no axe violation of WCAG 2.1 A/AA, the document's
 * language set, and a screenshot at desktop width and at 360 px.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('[role="status"].loading')).toHaveCount(0);
  const lang = await page.locator('html').getAttribute('lang');
  expect(['sv', 'en']).toContain(lang);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`,
  );
  expect(violations, `axe on ${name} (${lang})`).toEqual([]);

  mkdirSync(SCREENSHOTS, { recursive: true });
  const viewport = page.viewportSize()!;
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${lang}-desktop.png`), fullPage: true });
  // 200 % zoom of a 1280 px window lays the page out in 640 CSS pixels; a small phone in 360.
  // Nothing may scroll sideways at either (WCAG 1.4.10 reflow, 1.4.4 resize text).
  for (const width of [640, 360]) {
    await page.setViewportSize({ width, height: 780 });
    // An open popover is placed again by its resize handler a frame or more after the resize: measure once it settles.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
        message: `${name} scrolls sideways at ${width} px`,
        timeout: 3_000,
      })
      .toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${lang}-360.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

/**
 * Keyboard only: presses Tab until the focused element has this accessible name
 * (and checks that the focus is visible there), as a person without a mouse does.
 * The default is enough to go round a page of 50 search results, its filters and
 * footer, and back through the header.
 */
export async function tabTo(page: Page, name: string | RegExp, maxTabs = 160): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return null;
      const label =
        element.getAttribute('aria-label') ??
        (element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null) ??
        element.closest('label')?.textContent ??
        element.textContent ??
        '';
      return label.trim().replace(/\s+/g, ' ');
    });
    if (focused && (typeof name === 'string' ? focused === name : name.test(focused))) {
      await expectVisibleFocus(page);
      return;
    }
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

/** The focused element shows an outline or a ring. */
export async function expectVisibleFocus(page: Page): Promise<void> {
  const visible = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    const ring =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
      style.boxShadow !== 'none' ||
      style.backgroundColor === 'rgb(255, 221, 0)';
    return ring && element.matches(':focus-visible');
  });
  expect(visible, 'the focused element shows where the focus is').toBe(true);
}

/** Signs in through the API for set-up steps that are not the journey under test. */
export async function apiToken(baseURL: string, email: string): Promise<string> {
  const response = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * Milliseconds from a navigation inside the app (a history change, as a link or the back
 * button makes) to `ready(arg)` holding in the page (a function: the API's CSP allows no text to evaluate). The app
 * is first opened at `from` and left to finish rendering it, so the time is the navigation's
 * own and not what remains of the app's start.
 */
export async function timeInAppNavigation(
  page: Page,
  from: string,
  url: string,
  ready: (arg: number) => boolean,
  arg = 0,
): Promise<number> {
  await page.goto(from);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('[role="status"].loading')).toHaveCount(0);
  await navigateInApp(page, url);
  await page.waitForFunction(ready, arg);
  return msSinceInAppNavigation(page);
}

/** A navigation inside the app, as a link or the back button makes: a history change the router hears. */
export async function navigateInApp(page: Page, url: string): Promise<void> {
  await page.evaluate((target) => {
    (window as unknown as { __t0: number }).__t0 = performance.now();
    window.history.pushState({}, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, url);
}

export function msSinceInAppNavigation(page: Page): Promise<number> {
  return page.evaluate(() => performance.now() - (window as unknown as { __t0: number }).__t0);
}

/**
 * Where a timed full load starts: a page of another site, as a returning visitor comes from a link elsewhere, so the
 * load counts the fresh renderer process a browser gives every site (site isolation). From about:blank Chromium
 * keeps the process, unless the page's Cross-Origin-Opener-Policy (the API sends `same-origin`) makes it swap:
 * that start times a server with the header a new process and one without none, an unequal comparison.
 * `SLUSSEN_FULL_LOAD_FROM=about:blank` times that start. The other site is this server under its other name
 * (localhost and 127.0.0.1 are different sites to a browser).
 */
export function fullLoadStart(page: Page): string {
  if (process.env.SLUSSEN_FULL_LOAD_FROM === 'about:blank') return 'about:blank';
  if (!/^https?:/.test(page.url())) throw new Error(`open the app before timing a full load (at ${page.url()})`);
  const here = new URL(page.url());
  here.hostname = here.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return new URL('/health/live', here).toString();
}

/**
 * Milliseconds from a full load of `url` (the app's files cached, as a returning visitor has them, coming from
 * another site: `fullLoadStart`) to `ready(arg)`.
 */
export async function timeFullLoad(page: Page, url: string, ready: (arg: number) => boolean, arg = 0): Promise<number> {
  await page.goto(fullLoadStart(page));
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(ready, arg);
  return page.evaluate(() => performance.now());
}

/** The median of a bench's runs: one run slowed by the machine's other work does not move it. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs of a timed navigation in a bench: nine, whose median is reported (five let two slow runs move it). */
export const BENCH_RUNS = 9;
