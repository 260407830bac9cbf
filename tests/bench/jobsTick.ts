/**
 * Bench: one tick of the job scheduler (issue 14) with 1,000 open cases, 5,000 queued jobs of which
 * 50 are due (missed check-outs: each alerts the managers), and 2,000 jobs done long ago, against the
 * embedded Graph in its own process, at 0 and 100 ms latency injected per Graph request. Also the
 * due query alone, as GraphJobQueue asks it (one range query on DueAt) and as StoreJobQueue did
 * (every queued and running job by Status). Round trips are log entries outside any `$batch`
 * (a `$batch` envelope is one). Not a test: read the numbers, don't assert them.
 */
import path from 'node:path';
import { bulkInsertListItems } from '@outreach/graph-emulator';
import { dueAtColumn, IDEMPOTENCY_COLUMN, lists, PAYLOAD_COLUMN } from '../../graph/sharepoint/listDefinitions';
import { SharePointListStore } from '../../graph/sharepoint/listStore';
import { checkIn, Job, jobHandlers, runDueJobs, StoreJobQueue, type Case, type JobQueue, type NewItem } from '../../workflow';
import { freshCase } from '../contract/samples';
import { people, value } from '../support/world';
import { printMachine, printTable } from './benchReport';
import { startBenchGraph } from './benchGraph';

const OPEN_CASES = 1_000;
const QUEUED_JOBS = 5_000;
const DUE_PER_TICK = 50;
const DONE_JOBS = 2_000;
const LATENCIES_MS = [0, 100];
const T0 = Date.parse('2026-10-05T09:00:00Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

type Log = { entries: Array<{ status: number; path: string; method: string; batchRequestId?: string }>; counters: { resourceUnits: number } };

/** A job as the SharePoint adapter writes it (for bulk loading). */
const jobItem = (job: NewItem<Job>, key: string): Record<string, string | null> => ({
  [IDEMPOTENCY_COLUMN]: key,
  [PAYLOAD_COLUMN]: JSON.stringify(job),
  Status: job.status,
  DueAt: dueAtColumn(job),
});

const laterJob = (n: number, status: 'queued' | 'done'): NewItem<Job> => ({
  kind: n % 2 === 0 ? 'check-out-missed' : 'join-link',
  // Queued ones due over the next weeks; done ones long past.
  dueAt: status === 'queued' ? at(24 * 60 + n * 7) : at(-30 * 24 * 60 - n),
  payload: n % 2 === 0 ? { recordKey: `bench-record-${n}` } : { meetingKey: `bench-meeting-${n}` },
  status,
  attempts: 0,
  createdAt: at(-60 * 24 * 60),
  updatedAt: at(-60 * 24 * 60),
});

async function main(): Promise<void> {
  const { world, client, dataDir, site, admin, setLatency, stop } = await startBenchGraph('jobs');
  try {
    // The running embedded Graph's files (its sqlite database) are in DATA_DIR's `emulator` folder.
    const emulatorDir = path.join(dataDir, 'emulator');
    const listId = (listPath: string): string => listPath.split('/').at(-1) as string;
    const openCases: NewItem<Case>[] = Array.from({ length: OPEN_CASES }, (_, n) => ({
      ...freshCase(), reference: `OC-26-${n.toString(36).toUpperCase().padStart(5, '0')}`, referralKey: `jobs-bench-${n}`, workerId: people.worker, status: 'open',
    }));
    const { indexed } = lists.cases;
    bulkInsertListItems(emulatorDir, listId(site.listPaths.cases), openCases.map((c) => {
      const record = c as unknown as Record<string, unknown>;
      return { Title: c.reference, [IDEMPOTENCY_COLUMN]: c.referralKey, [PAYLOAD_COLUMN]: JSON.stringify(c), ...Object.fromEntries(indexed.map((i) => [i.column, record[i.field] === undefined ? null : String(record[i.field])])) };
    }));
    const later = QUEUED_JOBS - DUE_PER_TICK * LATENCIES_MS.length;
    bulkInsertListItems(emulatorDir, listId(site.listPaths.jobs), [
      ...Array.from({ length: later }, (_, n) => jobItem(laterJob(n, 'queued'), `bench-later-${n}`)),
      ...Array.from({ length: DONE_JOBS }, (_, n) => jobItem(laterJob(n, 'done'), `bench-done-${n}`)),
    ]);
    // The due jobs are real check-ins, made through the workflow: 50 visits ending at 10:00 and 50 at 11:00, none checked out.
    const worker = await world.staff(people.worker);
    const cases = (await world.deps.stores.cases.find({ status: 'open' })).slice(0, DUE_PER_TICK * LATENCIES_MS.length);
    world.memory.clock.set(at(0));
    for (const [i, c] of cases.entries()) {
      const plannedEnd = at(i < DUE_PER_TICK ? 60 : 120);
      value(await checkIn(world.deps, worker, { caseId: c.id, requestKey: `bench-check-in-${i}`, place: 'elsewhere', address: '1 Bench Row', plannedEnd }));
    }

    const rows: Array<Array<string | number>> = [];
    const measure = async (name: string, latencyMs: number, run: () => Promise<string>): Promise<void> => {
      await setLatency(latencyMs);
      await admin('POST', 'requests/reset');
      const started = performance.now();
      const outcome = await run();
      const ms = performance.now() - started;
      const log = (await admin('GET', 'requests')) as Log;
      const trips = log.entries.filter((e) => !e.batchRequestId);
      const jobsRequests = log.entries.filter((e) => e.path.includes(listId(site.listPaths.jobs)));
      rows.push([name, latencyMs, outcome, trips.length, log.entries.filter((e) => e.path !== '/$batch').length, jobsRequests.length,
        trips.filter((e) => e.path === '/$batch').length, log.entries.filter((e) => e.status === 429).length, log.counters.resourceUnits, Math.round(ms)]);
    };
    const legacy: JobQueue = new StoreJobQueue(new SharePointListStore<Job, 'status'>(client, site.listPaths.jobs, lists.jobs, Job));
    const dueOnly = (queue: JobQueue) => async () => `${(await queue.due(world.memory.clock.now(), DUE_PER_TICK)).length} due`;
    for (const [i, latency] of LATENCIES_MS.entries()) {
      // 31 minutes after the planned ends of this round's visits: their 50 jobs are due.
      world.memory.clock.set(at(60 * (i + 1) + 31));
      await measure('due query (GraphJobQueue: DueAt range, $top)', latency, dueOnly(world.deps.jobs));
      await measure('due query (StoreJobQueue: all queued and running by Status)', latency, dueOnly(legacy));
      await measure('tick (50 due: claim, alert the managers, settle)', latency, async () => {
        const report = await runDueJobs(world.deps, world.deps.jobs, jobHandlers, `bench-${i}`);
        return `${report.claimed} claimed, ${report.done} done`;
      });
      await measure('tick (nothing due)', latency, async () => `${(await runDueJobs(world.deps, world.deps.jobs, jobHandlers, `bench-${i}`)).due} due`);
    }
    printTable(
      `A job tick: ${OPEN_CASES.toLocaleString('en-GB')} open cases, ${QUEUED_JOBS.toLocaleString('en-GB')} queued jobs (${DUE_PER_TICK} due), ${DONE_JOBS.toLocaleString('en-GB')} done; round trips = requests outside a $batch`,
      ['what', 'latency (ms)', 'outcome', 'round trips', 'requests', 'of them on Jobs', '$batches', 'throttled (429)', 'resource units', 'time (ms)'],
      rows,
    );
    printMachine();
  } finally {
    await stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
