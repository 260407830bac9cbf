/**
 * Bench: the caseload of a 20,000-case Cases list (four times SharePoint's list view threshold),
 * against the embedded Graph in its own process, at 0 and 100 ms latency injected per Graph request.
 * "caseload" is what the my-cases card queries (open and paused cases, cases closed in the last 12
 * months, at once); "listMyCases" adds the card's child-name reads and read-audit entries.
 * Round trips are log entries outside any `$batch` (a `$batch` envelope is one). Not a test: read the numbers, don't assert them.
 */
import path from 'node:path';
import { bulkInsertListItems } from '@outreach/graph-emulator';
import { closedCases, listMyCases, myCases, type Result, type Staff } from '../../workflow';
import { caseListItems, manyCases } from '../support/caseloadSeed';
import { people } from '../support/world';
import { startBenchGraph } from './benchGraph';

const CASES = 20_000;
const LATENCIES_MS = [0, 100];
/** The my-cases card's shownAtMost. */
const SHOWN_AT_MOST = 25;

async function main(): Promise<void> {
  const { world, dataDir, site, admin, setLatency, stop } = await startBenchGraph('caseload');
  try {
    const workers = [people.worker, ...Array.from({ length: 19 }, (_, n) => `00000000-0000-4000-8000-${String(900 + n).padStart(12, '0')}`)];
    const seeded = manyCases(CASES, workers, '2026-09-14');
    const seedStarted = performance.now();
    // The embedded Graph keeps its database under the bench's data folder, in emulator/.
    bulkInsertListItems(path.join(dataDir, 'emulator'), site.listPaths.cases.split('/').at(-1) as string, caseListItems(seeded));
    const seedMs = Math.round(performance.now() - seedStarted);
    const [manager, worker] = await Promise.all([world.staff(people.manager), world.staff(people.worker)]);

    const rows: string[] = [];
    const measure = async (name: string, latencyMs: number, run: () => Promise<Result<unknown>[]>): Promise<void> => {
      await admin('POST', 'requests/reset');
      const started = performance.now();
      const results = await run();
      const ms = performance.now() - started;
      for (const r of results) if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      const log = (await admin('GET', 'requests')) as { entries: Array<{ status: number; path: string; batchRequestId?: string }>; counters: { resourceUnits: number } };
      // A $batch envelope is a round trip (its requests carry batchRequestId), not a request of its own.
      const trips = log.entries.filter((e) => !e.batchRequestId).length;
      const requests = log.entries.filter((e) => e.path !== '/$batch').length;
      const throttled = log.entries.filter((e) => e.status === 429).length;
      rows.push(`| ${name} | ${latencyMs} | ${trips} | ${requests} | ${throttled} | ${log.counters.resourceUnits} | ${Math.round(ms)} |`);
    };
    const caseload = (actor: Staff) => () => Promise.all([myCases(world.deps, actor), closedCases(world.deps, actor)]);
    for (const [i, latency] of LATENCIES_MS.entries()) {
      // A new minute per run: read-audit entries are keyed by time, and a repeat would find the first run's.
      world.memory.clock.set(`2026-09-14T10:0${i}:00Z`);
      await setLatency(latency);
      await measure('caseload (manager: every case)', latency, caseload(manager));
      await measure('caseload (worker: own cases)', latency, caseload(worker));
      await measure(`listMyCases (manager, ${SHOWN_AT_MOST} + ${SHOWN_AT_MOST} shown)`, latency, async () => [await listMyCases(world.deps, manager, SHOWN_AT_MOST)]);
    }
    console.log([
      `Caseload of a ${CASES.toLocaleString('en-GB')}-case list (bulk-loaded in ${seedMs} ms); round trips = requests outside a $batch`,
      '',
      '| query | latency (ms) | round trips | requests | throttled (429) | resource units | time (ms) |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...rows,
    ].join('\n'));
  } finally {
    await stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
