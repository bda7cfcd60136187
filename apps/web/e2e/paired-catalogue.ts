// A paired bench of two builds: the catalogue with 50 results, in one Chromium against both
// builds' platforms at once, single page loads alternated A B, B A, ... so the drift of a shared
// machine's load falls on both sides alike. Not a journey (no .e2e.ts): run it from a checkout
// whose build is A, naming another built checkout as B:
//   node --import tsx apps/web/e2e/paired-catalogue.ts ROUNDS /path/to/other-checkout [out.json]
// Each side is started by its own checkout's global-setup (SLUSSEN_E2E_PORT 3360 and 3370, or the two of
// SLUSSEN_PAIRED_PORTS=3330,3340). A round also times a first visit (a new browser context: nothing cached) over
// a network of SLUSSEN_PAIRED_NETWORK=kbit/s,ms round trip (default 10000,40), with the bytes it moved.
import { chromium, devices, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BENCH_SEARCH, publishFiftyTestbeds } from './catalogue-bench';
import { fullLoadStart, median, msSinceInAppNavigation, navigateInApp } from './fixtures';

const rounds = Number(process.argv[2] ?? 10);
const checkouts = { A: resolve(import.meta.dirname, '../../..'), B: resolve(process.argv[3] ?? '.') };
const out = process.argv[4];
const FIGURES = [
  'fullLoad',
  'inApp',
  'inAppCpu',
  'api',
  'firstPaint',
  'languageChunkStart',
  'firstVisit',
  'firstVisitKiB',
] as const;
const ports = (process.env.SLUSSEN_PAIRED_PORTS ?? '3360,3370').split(',').map(Number) as [number, number];
const [kbits, roundTripMs] = (process.env.SLUSSEN_PAIRED_NETWORK ?? '10000,40').split(',').map(Number) as [
  number,
  number,
];
type Side = keyof typeof checkouts;
type Runs = Record<(typeof FIGURES)[number], number[]>;

const fifty = () => document.querySelectorAll('.result').length === 50;

async function measure(page: Page, runs: Runs): Promise<void> {
  await page.goto(fullLoadStart(page));
  await page.goto(BENCH_SEARCH, { waitUntil: 'commit' });
  await page.waitForFunction(fifty);
  const load = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const api = entries.find((entry) => entry.name.includes('/api/v1/testbeds?'));
    const language = entries.find((entry) => /\/assets\/(sv|en)-[^/]*\.js$/.test(entry.name));
    return {
      at: performance.now(),
      api: api ? api.responseEnd - api.requestStart : -1,
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      languageChunkStart: language?.startTime ?? -1,
    };
  });
  runs.fullLoad.push(load.at);
  runs.api.push(load.api);
  runs.firstPaint.push(load.firstPaint);
  runs.languageChunkStart.push(load.languageChunkStart);

  // In the app, from a rendered page; with the renderer's main-thread CPU time, which a busy machine's queue does not stretch.
  await page.goto('/accessibility');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime')!.value;
  const cpuBefore = await threadTime();
  await navigateInApp(page, BENCH_SEARCH);
  await page.waitForFunction(fifty);
  runs.inApp.push(await msSinceInAppNavigation(page));
  runs.inAppCpu.push(((await threadTime()) - cpuBefore) * 1000);
  await cdp.detach();

  // A first visit: nothing cached, over a network slower than the loopback.
  const context = await page
    .context()
    .browser()!
    .newContext(contextOptions(new URL(page.url()).origin));
  try {
    const fresh = await context.newPage();
    const network = await context.newCDPSession(fresh);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: roundTripMs,
      downloadThroughput: (kbits * 1000) / 8,
      uploadThroughput: (kbits * 1000) / 8,
    });
    await fresh.goto(BENCH_SEARCH, { waitUntil: 'commit' });
    await fresh.waitForFunction(fifty);
    const visit = await fresh.evaluate(() => ({
      at: performance.now(),
      bytes: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].reduce(
        (sum, entry) => sum + (entry as PerformanceResourceTiming).transferSize,
        0,
      ),
    }));
    runs.firstVisit.push(visit.at);
    runs.firstVisitKiB.push(visit.bytes / 1024);
  } finally {
    await context.close();
  }
}

function contextOptions(baseURL: string) {
  return { ...devices['Desktop Chrome'], locale: 'sv-SE', timezoneId: 'Europe/Stockholm', baseURL };
}

const teardowns: Array<() => Promise<void>> = [];
const runs = {} as Record<Side, Runs>;
const loadAverages: string[] = [];
try {
  const pages = {} as Record<Side, Page>;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  teardowns.push(() => browser.close());
  for (const [side, port] of [['A', ports[0]] as const, ['B', ports[1]] as const]) {
    process.env.SLUSSEN_E2E_PORT = String(port);
    const e2e = join(checkouts[side], 'apps/web/e2e');
    const { default: teardown } = (await import(join(e2e, 'global-teardown.ts'))) as { default: () => Promise<void> };
    teardowns.push(teardown);
    await ((await import(join(e2e, 'global-setup.ts'))) as { default: () => Promise<void> }).default();
    const { url } = JSON.parse(readFileSync(join(checkouts[side], 'apps/web/test-results/run.json'), 'utf8')) as {
      url: string;
    };
    await publishFiftyTestbeds(url);
    const context = await browser.newContext(contextOptions(url));
    pages[side] = await context.newPage();
    // Warm the browser's cache of the app's files once, as a returning visitor has it.
    await pages[side].goto(BENCH_SEARCH);
    await pages[side].waitForFunction(fifty);
    runs[side] = Object.fromEntries(FIGURES.map((figure) => [figure, []])) as unknown as Runs;
    console.log(`${side}: ${checkouts[side]} at ${url}`);
  }
  for (let round = 0; round < rounds; round++) {
    loadAverages.push(readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '));
    for (const side of round % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const))
      await measure(pages[side], runs[side]);
  }
} finally {
  for (const teardown of teardowns.reverse()) await teardown().catch((error: unknown) => console.error(error));
}
const summary = Object.fromEntries(
  FIGURES.map((figure) => {
    const [a, b] = [runs.A[figure], runs.B[figure]];
    return [
      figure,
      {
        A: Math.round(median(a)),
        B: Math.round(median(b)),
        pairedRatio: Math.round(median(a.map((value, i) => value / b[i]!)) * 100) / 100,
        aFasterIn: `${a.filter((value, i) => value < b[i]!).length} of ${a.length}`,
      },
    ];
  }),
);
console.log(JSON.stringify({ rounds, loadAverages: [loadAverages[0], loadAverages.at(-1)], summary }, null, 2));
if (out) writeFileSync(out, JSON.stringify({ loadAverages, summary, runs }, null, 1));
