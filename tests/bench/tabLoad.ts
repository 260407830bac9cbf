/**
 * Bench: the tab's caseload with 1,000 open cases. The app runs as `npm start` does (embedded Graph,
 * no Playground); the Cases list is bulk-loaded; Chromium opens the tab signed in as the demo
 * manager (who sees every case). Measured from the navigation (page.goto) to the table showing its
 * first rows and the total ("1,000 cases"), then to page 2 (the Next page button), then a server
 * sort by child (which reads every child's name). Graph round trips are counted in the embedded
 * Graph's request log (a `$batch` envelope is one). "in-page": the page's own clock, from navigation
 * start (or the click) to the moment the rows were put on screen (no Playwright polling). Not a test: read the numbers.
 *   npx tsx tests/bench/tabLoad.ts [--cases=1000] [--runs=5]
 */
import { bulkInsertListItems } from '@outreach/graph-emulator';
import type { Page } from 'playwright-core';
import type { Case, NewItem } from '../../workflow';
import { launchChromium } from '../e2e/support/browser';
import { startTabApp, type TabApp } from '../e2e/support/tabApp';
import { caseloadLinks, signInAs } from '../e2e/support/tabPages';
import { caseListItems, manyCases } from '../support/caseloadSeed';
import { people } from '../support/world';
import { ms, numberOption, percentile, printMachine, printTable } from './benchReport';

const CASES = numberOption('cases', 1000);
const RUNS = numberOption('runs', 5);
const manager = 'Morgan Ashby';

/** Every seeded case open, at the demo school, with the school's purchases: the manager's whole caseload. */
function openCases(total: number, schoolId: string, purchaseIds: string[]): NewItem<Case>[] {
  const workers = [people.worker, people.otherWorker, people.dsl, people.manager];
  return manyCases(total, workers, '2026-09-14').map((c) => {
    const { closure: _closure, closedMonth: _closedMonth, ...rest } = c as NewItem<Case> & { closure?: unknown; closedMonth?: unknown };
    return { ...rest, status: 'open', step: 4, schoolId, purchaseIds } as NewItem<Case>;
  });
}

interface Sample {
  ms: number;
  trips: number;
  requests: number;
  /** The page's own clock: from navigation start (a load) or from the click (page 2) to its `caseload-rows` mark. */
  inPageMs?: number;
}

/** The last `caseload-rows` mark (CaseloadPage sets it when a page of rows is on screen), in the page's clock. */
const lastRowsMark = async (page: Page): Promise<number> =>
  Number(await page.evaluate(`(performance.getEntriesByName('caseload-rows').at(-1) || { startTime: NaN }).startTime`));
const pageNow = async (page: Page): Promise<number> => Number(await page.evaluate('performance.now()'));

async function timed(app: TabApp, action: () => Promise<void>): Promise<Sample> {
  await app.resetGraphLog();
  const started = performance.now();
  await action();
  const elapsed = performance.now() - started;
  return { ms: elapsed, ...(await app.graphRequests()) };
}

const totalLine = (page: Page) => page.getByTestId('caseload-total');

async function main(): Promise<void> {
  let seedMs = 0;
  const app = await startTabApp('tab-load', async ({ world, emulatorDir, casesList }) => {
    const school = await world.schoolByUrn('100001');
    const purchases = await world.deps.stores.purchases.find({ schoolId: school.id });
    const started = performance.now();
    bulkInsertListItems(emulatorDir, casesList, caseListItems(openCases(CASES, school.id, purchases.slice(0, 1).map((p) => p.id))));
    seedMs = performance.now() - started;
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const total = `${CASES.toLocaleString('en-GB')} cases`;
    // Sign in once (the demo session is kept in sessionStorage), then measure fresh navigations.
    await page.goto(`${app.tabUrl('light')}#/cases`);
    await signInAs(page, manager);
    await totalLine(page).filter({ hasText: total }).waitFor({ timeout: 120_000 });

    const loads: Sample[] = [];
    const nextPages: Sample[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto('about:blank');
      const load = await timed(app, async () => {
        await page.goto(`${app.tabUrl('light')}#/cases`);
        await (await caseloadLinks(page)).first().waitFor();
        await totalLine(page).filter({ hasText: `${total} · page 1 of` }).waitFor({ timeout: 60_000 });
      });
      loads.push({ ...load, inPageMs: await lastRowsMark(page) });
      const clickedAt = await pageNow(page);
      const next = await timed(app, async () => {
        await page.getByRole('button', { name: 'Next page' }).click();
        await totalLine(page).filter({ hasText: 'page 2 of' }).waitFor({ timeout: 60_000 });
      });
      nextPages.push({ ...next, inPageMs: (await lastRowsMark(page)) - clickedAt });
    }
    // Where the last load's time went, from the page's own clock (0 = navigation start).
    const timeline = (await page.evaluate(`JSON.stringify(performance.getEntriesByType('resource').filter((e) => /app\\.js$|\\/api\\/(me|cases)/.test(e.name)).map((e) => ({ name: e.name.replace(/^.*\\/tab\\//, ''), start: e.startTime, end: e.responseEnd })).concat([{ name: 'first paint of the page', start: 0, end: (performance.getEntriesByName('first-contentful-paint')[0] || { startTime: NaN }).startTime }]))`)) as string;
    const sortByChild = await timed(app, async () => {
      await page.getByRole('columnheader', { name: 'Child' }).click();
      await page.getByRole('columnheader', { name: 'Child' }).and(page.locator('[aria-sort="ascending"]')).waitFor({ timeout: 120_000 });
      await totalLine(page).filter({ hasText: 'page 1 of' }).waitFor({ timeout: 120_000 });
    });
    const rowsShown = await (await caseloadLinks(page)).count();

    // The API alone (no browser): what the server spends on a page of the caseload.
    const api = async (query: string): Promise<Sample[]> => {
      const samples: Sample[] = [];
      for (let run = 0; run < RUNS; run++) {
        samples.push(
          await timed(app, async () => {
            const res = await fetch(`${app.appUrl}/tab/api/cases${query}`, { headers: { Authorization: `Bearer embedded-dev:${people.manager}` } });
            if (!res.ok) throw new Error(`GET /tab/api/cases${query}: ${res.status} ${await res.text()}`);
            await res.json();
          }),
        );
      }
      return samples;
    };
    const apiPage1 = await api('');
    const apiPage2 = await api('?page=2');

    const row = (name: string, samples: Sample[]) => [
      name,
      samples.length,
      ms(samples[0]?.ms),
      ms(percentile(samples.map((s) => s.ms), 50)),
      ms(Math.max(...samples.map((s) => s.ms))),
      ms(percentile(samples.flatMap((s) => (s.inPageMs === undefined ? [] : [s.inPageMs])), 50)),
      samples[samples.length - 1]?.trips ?? '–',
      samples[samples.length - 1]?.requests ?? '–',
    ];
    printTable(
      `The tab's caseload: ${CASES.toLocaleString('en-GB')} open cases (bulk-loaded in ${ms(seedMs)} ms), the demo manager, Chromium, ${rowsShown} rows a page`,
      ['measure', 'runs', 'first (ms)', 'median (ms)', 'max (ms)', 'in-page median (ms)', 'Graph round trips', 'Graph requests'],
      [
        row('navigation to first rows + total (sign-in kept)', loads),
        row('Next page (page 2)', nextPages),
        row('sort by child (every child name read)', [sortByChild]),
        row('API alone: GET /tab/api/cases (page 1)', apiPage1),
        row('API alone: GET /tab/api/cases?page=2', apiPage2),
      ],
    );
    printTable(
      'Page 2 last loaded; before it, the last navigation: when each request started and ended (ms after navigation start)',
      ['what', 'start (ms)', 'end (ms)'],
      (JSON.parse(timeline) as { name: string; start: number; end: number }[]).map((e) => [e.name, ms(e.start), ms(e.end)]),
    );
    printMachine();
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
