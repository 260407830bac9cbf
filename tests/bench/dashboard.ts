/**
 * Bench: what the manager's dashboard reads, over three academic years of the fictional demo
 * history (600 cases, with their children, records, contracts and purchases) in the embedded Graph
 * in its own process. The service history (graph/sharepoint/serviceHistory.ts) is read cold (every
 * list whole), then warm after one change (only what changed since), at 0 and 100 ms latency per
 * Graph request. Round trips are log entries outside any `$batch` (a `$batch` envelope is one).
 * Not a test: read the numbers, don't assert them.
 */
import path from 'node:path';
import { bulkInsertListItems } from '@outreach/graph-emulator';
import { loadDemoHistory } from '../../app/data/demoHistory';
import { graphPorts } from '../../graph/graphPorts';
import { IDEMPOTENCY_COLUMN, lists, PAYLOAD_COLUMN, type ListKey } from '../../graph/sharepoint/listDefinitions';
import { dashboardFigures, type HistorySnapshot } from '../../workflow';
import { people } from '../support/world';
import { buildWorld } from '../support/world';
import { startBenchGraph } from './benchGraph';

const ACADEMIC_YEARS = ['2023-24', '2024-25', '2025-26'];
const CASES_PER_YEAR = 200;
const UNTIL = '2026-08-31';
const MB = 1024 * 1024;

/** List items as the SharePoint adapter writes them (Title, key, payload, indexed columns with ChangedAt), for bulk loading. */
function listItems(list: ListKey, items: ReadonlyArray<{ id: string }>, at: Date): Record<string, string | boolean | null>[] {
  const definition = lists[list];
  return items.map((item) => {
    const { id, etag: _etag, ...record } = item as Record<string, unknown> & { id: string };
    const columns = Object.fromEntries(
      definition.indexed.map((i) => {
        const v = i.from ? i.from(record, { at }) : record[i.field];
        return [i.column, v === undefined || v === null ? null : typeof v === 'boolean' ? v : String(v)];
      }),
    );
    const row: Record<string, string | boolean | null> = { [IDEMPOTENCY_COLUMN]: `bench:${list}:${id}`, [PAYLOAD_COLUMN]: JSON.stringify(record), ...columns };
    if ('title' in definition && definition.title) row.Title = String(record[definition.title]);
    return row;
  });
}

/** Heap in use, after a collection when node was started with --expose-gc. */
const heapUsed = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

async function main(): Promise<void> {
  const { world, client, site, dataDir, admin, setLatency, stop } = await startBenchGraph('dashboard');
  try {
    // Written through the memory stores (ids 1, 2, ... in order), then bulk-loaded into the lists in that order, so the ids
    // are the same: through Graph it takes a quarter of an hour on a busy machine, and the bench measures the reads.
    const seedStarted = performance.now();
    const memory = await buildWorld('2026-09-14T09:00:00Z');
    const counts = await loadDemoHistory(memory.deps.stores, memory.config, { academicYears: ACADEMIC_YEARS, casesPerYear: CASES_PER_YEAR, until: UNTIL });
    const planMs = Math.round(performance.now() - seedStarted);
    const inGraph = (await world.deps.stores.purchases.list()).length;
    // Written long before the dashboard is opened: more than 5,000 items of one list changed within a warm read's window
    // would pass the list view threshold (SharePoint answers 429), which a service's own writes never come near.
    const writtenAt = new Date(Date.now() - 24 * 3_600_000);
    for (const key of ['children', 'cases', 'records', 'contracts', 'purchases'] as const) {
      const items = (await memory.deps.stores[key].list()).filter((item) => key !== 'purchases' || Number(item.id) > inGraph);
      bulkInsertListItems(path.join(dataDir, 'emulator'), site.listPaths[key].split('/').at(-1) as string, listItems(key, items, writtenAt));
    }
    const seedMs = Math.round(performance.now() - seedStarted);
    console.error(`history planned in ${planMs} ms, loaded by ${seedMs} ms`);

    // A keep-alive connection to the emulator's admin routes may have been closed while the history was planned: asked again once.
    const again = <T>(run: () => Promise<T>): Promise<T> => run().catch(() => run());
    const rows: string[] = [];
    const measure = async <R>(name: string, latencyMs: number, run: () => Promise<R>): Promise<R> => {
      await again(() => setLatency(latencyMs));
      await again(() => admin('POST', 'requests/reset'));
      const started = performance.now();
      console.error(`${name} at ${latencyMs} ms latency...`);
      const snapshot = await run();
      const ms = performance.now() - started;
      const log = (await admin('GET', 'requests')) as { entries: Array<{ status: number; path: string; batchRequestId?: string }>; counters: { resourceUnits: number } };
      const trips = log.entries.filter((e) => !e.batchRequestId).length;
      const requests = log.entries.filter((e) => e.path !== '/$batch').length;
      rows.push(`| ${name} | ${latencyMs} | ${trips} | ${requests} | ${log.counters.resourceUnits} | ${Math.round(ms)} |`);
      return snapshot;
    };
    const changeOne = async (n: number): Promise<void> => {
      const [someCase] = await world.deps.stores.cases.find({ status: 'closed', closedMonth: '2026-03' });
      if (!someCase) throw new Error('no case closed in March 2026');
      await world.deps.stores.cases.update(someCase.id, { reasonForReferral: `Changed by the dashboard bench (${n}).` }, someCase.etag);
    };

    let snapshot: HistorySnapshot | undefined;
    let heapGrowth = 0;
    for (const latency of [0, 100]) {
      // A new app process: its own history and its own reference cache (Purchases).
      const history = graphPorts(client, site, 'outreach@outreach.example.org', { referenceCache: { refreshMs: 60_000, now: () => Date.now() } }).history;
      const heapBefore = heapUsed();
      snapshot = await measure('cold read (every list whole)', latency, () => history.read());
      if (latency === 0) heapGrowth = heapUsed() - heapBefore;
      await changeOne(latency);
      await measure('warm read after one change', latency, () => history.read());
      await measure('warm read, nothing changed', latency, () => history.read());
      // The use case: the warm history, the cached staff and schools, the figures worked out, and the view audited (one write).
      const manager = await world.staff(people.manager);
      await measure('dashboardFigures 2025-26 (warm)', latency, async () => {
        const figures = await dashboardFigures({ ...world.deps, history }, manager, { year: '2025-26' });
        if (!figures.ok) throw new Error(`dashboardFigures: ${figures.error.message}`);
        return figures.value;
      });
    }
    if (!snapshot) throw new Error('nothing read');
    // The bulk load kept the memory stores' ids: the history read is the history written.
    const written = await memory.deps.stores.cases.list();
    if (JSON.stringify(written.map((c) => c.id)) !== JSON.stringify(snapshot.cases.map((c) => c.id))) throw new Error('the Cases list does not hold the cases written');
    const heap = process.memoryUsage();
    console.log([
      `Dashboard history: ${ACADEMIC_YEARS.join(', ')}; planned into memory stores in ${planMs} ms, bulk-loaded by ${seedMs} ms:`,
      `${counts.cases} cases, ${counts.children} children, ${counts.records} records, ${counts.contracts} contracts, ${counts.purchases} purchases for cases;`,
      `read: ${snapshot.cases.length} cases, ${snapshot.children.length} children, ${snapshot.records.length} records, ${snapshot.contracts.length} contracts, ${snapshot.purchases.length} purchases.`,
      `Heap used: ${(heap.heapUsed / MB).toFixed(1)} MB (of ${(heap.heapTotal / MB).toFixed(1)} MB); the first cold read added ${(heapGrowth / MB).toFixed(1)} MB${(globalThis as { gc?: unknown }).gc ? '' : ' (no --expose-gc: includes garbage not yet collected)'}.`,
      'Round trips = requests outside a $batch.',
      '',
      '| read | latency (ms) | round trips | requests | resource units | time (ms) |',
      '|---|---:|---:|---:|---:|---:|',
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
