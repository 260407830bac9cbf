/**
 * Bench: the tab's API over 1,000 open cases (20 workers, a third with a meeting booked, a quarter
 * with a reminder queued, half drawing on a package, three records each, one in 50 with a safeguarding concern), against the embedded Graph in its own
 * process, at 0 and 100 ms latency injected per Graph request, through the real HTTP endpoint.
 * Round trips are log entries outside any `$batch` (a `$batch` envelope is one). Not a test: read the numbers, don't assert them.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { bulkInsertListItems } from '@outreach/graph-emulator';
import { inMemoryCaseLocks } from '../../app/bot/caseLocks';
import { createServer } from '../../app/server';
import { IDEMPOTENCY_COLUMN, PAYLOAD_COLUMN, lists, type ListKey } from '../../graph/sharepoint/listDefinitions';
import { tabApp } from '../../tab/server/tabApi';
import { routes } from '../../tab/contract/api';
import type { Case, CaseRecord, Child, Job, Meeting, NewItem } from '../../workflow';
import { freshCase, freshObservation } from '../contract/samples';
import { testRateLimits } from '../bot/botHarness';
import { people } from '../support/world';
import { startBenchGraph } from './benchGraph';

const CASES = 1_000;
const LATENCIES_MS = [0, 100];
/** The case the case page opens (item ids follow the order inserted). */
const SOME_CASE = '8';
const firstNames = ['Amara', 'Chloé', 'Dmitri', 'Élodie', 'Farid', 'Gráinne', 'Hamza', 'Isla', 'Jonah', 'Keira', 'Łucja', 'Mateo', 'Niamh', 'Oskar', 'Priya', 'Rónán', 'Saoirse', 'Tomás', 'Uma', 'Zoë'];
const lastNames = ['Ashdown', 'Brontë', 'Calder', 'Dunmore', 'Ellery', 'Fairholt', 'Garrow', 'Hollis', 'Ingram', 'Jessop', 'Kilbride', 'Lathom', 'Marlow', 'Norcott', 'Orwin', 'Pellow', 'Quenby', 'Rushton', 'Stainer', 'Thorne', 'Upfold', 'Varley', 'Wexford', 'Yelland'];

/** List items as the SharePoint adapter writes them: Title, idempotency key, payload and the indexed columns. */
function listItems<T extends object>(list: ListKey, items: readonly T[], keyOf: (item: T, n: number) => string): Record<string, string | boolean | null>[] {
  const definition = lists[list];
  return items.map((item, n) => {
    const record = item as Record<string, unknown>;
    const columns = Object.fromEntries(
      definition.indexed.map((i) => {
        const v = 'from' in i && i.from ? i.from(record) : record[i.field];
        return [i.column, v === undefined || v === null ? null : typeof v === 'boolean' ? v : String(v)];
      }),
    );
    const row: Record<string, string | boolean | null> = { [IDEMPOTENCY_COLUMN]: keyOf(item, n), [PAYLOAD_COLUMN]: JSON.stringify(item), ...columns };
    if ('title' in definition && definition.title) row.Title = String(record[definition.title]);
    return row;
  });
}

async function main(): Promise<void> {
  const { world, dataDir, site, admin, setLatency, stop } = await startBenchGraph('tab-api');
  let server: Server | undefined;
  try {
    // The embedded Graph's own folder in the bench's data folder (see startBenchGraph).
    const graphDir = path.join(dataDir, 'emulator');
    const listId = (key: ListKey) => site.listPaths[key].split('/').at(-1) as string;
    const workers = [people.worker, ...Array.from({ length: 19 }, (_, n) => `00000000-0000-4000-8000-${String(900 + n).padStart(12, '0')}`)];
    const schools = await world.deps.stores.schools.list();
    const purchases = await world.deps.stores.purchases.list();
    const at = '2026-09-14T08:00:00.000Z';
    const stamp = { createdBy: people.manager, createdAt: at, updatedBy: people.manager, updatedAt: at };
    const children: NewItem<Child>[] = Array.from({ length: CASES }, (_, n) => ({
      firstName: firstNames[n % firstNames.length] as string,
      lastName: lastNames[Math.floor(n / firstNames.length) % lastNames.length] as string,
      dateOfBirth: '2016-05-01', gender: 'not-stated', yearGroup: 5, schoolId: schools[n % schools.length]?.id as string,
      send: 'none', pupilPremium: false, freeSchoolMeals: false, lookedAfter: false, parents: [],
      reference: `C-${n.toString(36).toUpperCase().padStart(6, '0')}`, destroyAfter: '2047-05-01', legalHold: false, matchKey: `bench-child-${n}`, ...stamp,
    }));
    bulkInsertListItems(graphDir, listId('children'), listItems('children', children, (c) => c.matchKey));
    // Items of an empty list are numbered from 1, in the order inserted.
    if ((await world.deps.stores.children.get('1'))?.matchKey !== 'bench-child-0') throw new Error('children were not numbered from 1');
    const cases: NewItem<Case>[] = Array.from({ length: CASES }, (_, n) => {
      const schoolId = schools[n % schools.length]?.id as string;
      const purchase = purchases.find((p) => p.schoolId === schoolId);
      return {
        ...freshCase(),
        reference: `OC-26-${n.toString(36).toUpperCase().padStart(5, '0')}`,
        referralKey: `tab-bench-${n}`,
        childId: String(n + 1),
        schoolId,
        workerId: workers[n % workers.length] as string,
        referralDate: `2026-0${1 + (n % 9)}-${String(1 + (n % 28)).padStart(2, '0')}`,
        purchaseIds: n % 2 === 0 && purchase ? [purchase.id] : [],
      };
    });
    bulkInsertListItems(graphDir, listId('cases'), listItems('cases', cases, (c) => c.referralKey));
    const meetings: NewItem<Meeting>[] = cases.flatMap((_, n) => n % 3 !== 0 ? [] : [{
      caseId: String(n + 1), kind: 'school-meeting', status: 'booked', organiserId: workers[n % workers.length] as string, eventId: `event-${n}`, transactionId: `bench-meeting-${n}`,
      start: `2026-09-${String(15 + (n % 14)).padStart(2, '0')}T09:00:00.000Z`, end: `2026-09-${String(15 + (n % 14)).padStart(2, '0')}T10:00:00.000Z`,
      online: true, joinUrl: `https://teams.microsoft.com/l/meetup-join/bench-${n}`, attendees: [], phoneInstead: false, ...stamp,
    } satisfies NewItem<Meeting>]);
    bulkInsertListItems(graphDir, listId('meetings'), listItems('meetings', meetings, (m) => m.transactionId));
    // Three records a case (an observation and two time entries), thirty on the case the case page opens.
    const records: NewItem<CaseRecord>[] = cases.flatMap((_, n) => {
      const caseId = String(n + 1);
      const time = (k: number): NewItem<CaseRecord> => ({ ...freshObservation(), caseId, step: 8, locked: false, body: { kind: 'time', on: `2026-09-0${1 + k}`, hours: 1.5, activity: 'direct-work' } });
      // One case in 50 with a concern: what the DSL's caseload lists.
      const observation = { ...freshObservation(), caseId, safeguarding: n % 50 === 0 };
      return caseId === SOME_CASE ? [observation, ...Array.from({ length: 29 }, (_k, k) => time(k % 9))] : [observation, time(1), time(2)];
    });
    bulkInsertListItems(graphDir, listId('records'), listItems('records', records, (_r, n) => `bench-record-${n}`));
    const jobs: NewItem<Job>[] = cases.flatMap((_, n) => n % 4 !== 0 ? [] : [{
      kind: 'information-chaser', dueAt: `2026-09-${String(15 + (n % 10)).padStart(2, '0')}T07:00:00.000Z`, payload: { caseId: String(n + 1) }, status: 'queued', attempts: 0, createdAt: at, updatedAt: at,
    } satisfies NewItem<Job>]);
    bulkInsertListItems(graphDir, listId('jobs'), listItems('jobs', jobs, (_j, n) => `bench-job-${n}`));

    const logger = pino({ level: 'silent' });
    const tab = tabApp({
      workflow: world.deps, auth: { mode: 'embedded-dev' }, log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      perPersonPerMinute: testRateLimits.perPersonPerMinute, caseLocks: inMemoryCaseLocks(), clientDist: path.join(dataDir, 'no-dist'),
    });
    const app = createServer({ logger, version: 'bench', mounts: [tab], rateLimits: testRateLimits, tabPath: tab.path });
    const listening = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    server = listening;
    const base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    const get = async (url: string, who: string): Promise<unknown> => {
      const res = await fetch(`${base}${url}`, { headers: { Authorization: `Bearer embedded-dev:${who}` } });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res.json();
    };

    const rows: string[] = [];
    const measure = async (name: string, latencyMs: number, url: string, who: string): Promise<void> => {
      await admin('POST', 'requests/reset');
      const started = performance.now();
      const body = (await get(url, who)) as { total?: number; rows?: unknown[]; chronology?: unknown[] };
      const ms = performance.now() - started;
      const log = (await admin('GET', 'requests')) as { entries: Array<{ status: number; path: string; batchRequestId?: string }>; counters: { resourceUnits: number } };
      const trips = log.entries.filter((e) => !e.batchRequestId).length;
      const requests = log.entries.filter((e) => e.path !== '/$batch').length;
      const shown = body.rows ? `${body.rows.length} of ${body.total}` : `${body.chronology?.length ?? 0} records`;
      rows.push(`| ${name} | ${latencyMs} | ${shown} | ${trips} | ${requests} | ${log.counters.resourceUnits} | ${Math.round(ms)} |`);
    };
    // The reference lists (staff, schools, purchases) are cached by the app: read once before measuring.
    await get(`${routes.cases}?pageSize=1`, people.manager);
    for (const [i, latency] of LATENCIES_MS.entries()) {
      world.memory.clock.set(`2026-09-14T10:0${i}:00Z`);
      await setLatency(latency);
      await measure('GET /cases (manager, first page of 50)', latency, routes.cases, people.manager);
      await measure('GET /cases (worker, own cases)', latency, routes.cases, people.worker);
      await measure('GET /cases?q=brontë (manager: child names searched)', latency, `${routes.cases}?q=${encodeURIComponent('brontë')}`, people.manager);
      await measure('GET /cases?q=OC-26-0000A (manager: reference)', latency, `${routes.cases}?q=OC-26-0000A`, people.manager);
      await measure('GET /cases?sort=hoursLeft (manager: every ledger)', latency, `${routes.cases}?sort=hoursLeft`, people.manager);
      await measure('GET /cases?pageSize=200 (manager)', latency, `${routes.cases}?pageSize=200`, people.manager);
      await measure('GET /cases (DSL: concerns looked for in every case)', latency, routes.cases, people.dsl);
      await measure('GET /cases/:id (manager)', latency, routes.case(SOME_CASE), people.manager);
    }
    console.log([
      `The tab's API over ${CASES.toLocaleString('en-GB')} open cases; round trips = requests outside a $batch`,
      '',
      '| request | latency (ms) | answered | round trips | requests | resource units | time (ms) |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...rows,
    ].join('\n'));
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
