import { readFileSync } from 'node:fs';
import { bulkInsertListItems } from '@outreach/graph-emulator';
import { randomIds } from '../../app/randomIds';
import { createGraphClient } from '../../graph/client/graphClient';
import { graphPorts } from '../../graph/graphPorts';
import { closedCases, fillClosedMonths, myCases, type Case, type NewItem, type Staff } from '../../workflow';
import { caseListItems, manyCases } from '../support/caseloadSeed';
import { buildWorld, people, value, type World } from '../support/world';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';

jest.setTimeout(120_000);

const TODAY = '2026-09-14';
const CASES = 20_000;
const workers = [people.worker, ...Array.from({ length: 19 }, (_, n) => `00000000-0000-4000-8000-${String(900 + n).padStart(12, '0')}`)];

let graph: EmbeddedGraph;
let world: World;
let seeded: NewItem<Case>[];

beforeAll(async () => {
  graph = await startEmbeddedGraph();
  // Loaded before this client opens any connection: the load blocks this process (the embedded Graph's
  // too) for seconds, and a kept-alive socket the server timed out meanwhile fails the next request.
  seeded = manyCases(CASES, workers, TODAY);
  bulkInsertListItems(graph.dataDir, casesListId(), caseListItems(seeded));
  // No retries: a request the list view threshold throttles fails the test at once, instead of
  // waiting out its Retry-After (a tenant would answer it the same way every time).
  const client = createGraphClient({
    baseUrl: graph.info.baseUrl,
    getToken: async () => graph.info.token,
    caCertificate: readFileSync(graph.info.caCertPath, 'utf8'),
    userAgent: 'NONISV|OutreachService|OutreachCases/test',
    maxRetries: 0,
  });
  world = await buildWorld(`${TODAY}T09:00:00Z`, { ...graphPorts(client, graph.site, 'outreach@outreach.example.org'), ids: randomIds });
});
afterAll(async () => {
  await graph?.stop();
});

const casesListId = (): string => graph.site.listPaths.cases.split('/').at(-1) as string;
const yearAgo = '2025-09-14';
const references = (cases: readonly Pick<Case, 'reference'>[]): string[] => cases.map((c) => c.reference).sort();
const expected = (keep: (c: NewItem<Case>) => boolean): string[] => references(seeded.filter(keep));
const recentlyClosed = (c: NewItem<Case>): boolean => c.status === 'closed' && (c.closure?.on ?? '') >= yearAgo;
/** The SharePoint adapter reads 500 items a page: a query's requests are its pages. */
const pages = (matching: number): number => Math.max(1, Math.ceil(matching / 500));
/** What one query per status (open, paused) and one per closure month of the last 12 months cost in requests. */
const requestsFor = (mine: (c: NewItem<Case>) => boolean): number => {
  const count = (keep: (c: NewItem<Case>) => boolean): number => seeded.filter((c) => mine(c) && keep(c)).length;
  const months = [...new Set(seeded.filter(recentlyClosed).map((c) => c.closedMonth))];
  expect(months).toHaveLength(13);
  return pages(count((c) => c.status === 'open')) + pages(count((c) => c.status === 'paused')) + months.reduce((n, m) => n + pages(count((c) => c.closedMonth === m)), 0);
};

/** The caseload as a list shows it (both queries at once), with the Graph requests it made. */
async function caseload(actor: Staff) {
  await graph.resetRequests();
  const [current, closed] = await Promise.all([myCases(world.deps, actor), closedCases(world.deps, actor)]);
  const log = await graph.requests();
  const entries = (log.entries ?? []) as Array<{ status: number; path: string; batchRequestId?: string }>;
  return {
    current: value(current),
    closed: value(closed),
    // The $batch envelope is a round trip, not a request of its own.
    requests: entries.filter((e) => e.path !== '/$batch').length,
    roundTrips: entries.filter((e) => !e.batchRequestId).length,
    throttled: entries.filter((e) => e.status === 429).length,
  };
}

describe(`the caseload of a ${CASES.toLocaleString('en-GB')}-case list, four times the list view threshold`, () => {
  it('seeds a list where `status eq closed` alone would match more than 5,000 cases', () => {
    expect(seeded).toHaveLength(CASES);
    expect(seeded.filter((c) => c.status === 'closed').length).toBeGreaterThan(5000 * 3);
  });

  it('a manager sees every open and paused case and every case closed in the last 12 months, none throttled', async () => {
    const manager = await world.staff(people.manager);
    const load = await caseload(manager);
    expect(load.throttled).toBe(0);
    expect(references(load.current)).toEqual(expected((c) => c.status !== 'closed'));
    expect(references(load.closed)).toEqual(expected(recentlyClosed));
    expect(load.closed.length).toBeGreaterThan(2000);
    expect(load.closed.map((c) => c.closure?.on)).toEqual(load.closed.map((c) => c.closure?.on).sort().reverse());
    // Open (800: two pages) and paused, then one query per closure month (13 months hold the last 12 months'
    // days), all sent at once: the first pages go in one $batch, the open cases' second page in another round trip.
    expect(load.requests).toBe(requestsFor(() => true));
    expect(load.requests).toBe(2 + 1 + 13);
    expect(load.roundTrips).toBe(2);
  });

  it("a worker sees their own cases, filtered on worker and status or worker and closure month", async () => {
    const worker = await world.staff(people.worker);
    const load = await caseload(worker);
    expect(load.throttled).toBe(0);
    const own = (c: NewItem<Case>): boolean => c.workerId === people.worker;
    expect(references(load.current)).toEqual(expected((c) => own(c) && c.status !== 'closed'));
    expect(references(load.closed)).toEqual(expected((c) => own(c) && recentlyClosed(c)));
    expect(load.closed.length).toBeGreaterThan(50);
    expect(load.requests).toBe(requestsFor((c) => c.workerId === people.worker));
    expect(load.requests).toBe(2 + 13);
    expect(load.roundTrips).toBeLessThanOrEqual(2);
  });

  it('cases closed before the ClosedMonth column existed show once fillClosedMonths has run, and a repeat fills none', async () => {
    const legacy = manyCases(500, workers, TODAY, CASES)
      .filter((c) => c.status === 'closed')
      .map(({ closedMonth: _month, ...c }) => c);
    bulkInsertListItems(graph.dataDir, casesListId(), caseListItems(legacy));
    const manager = await world.staff(people.manager);
    const shown = async (): Promise<string[]> => references(value(await closedCases(world.deps, manager)));
    const recentLegacy = references(legacy.filter(recentlyClosed));
    expect(recentLegacy.length).toBeGreaterThan(30);
    expect(await shown()).toEqual(expected(recentlyClosed));

    expect(await fillClosedMonths(world.deps)).toEqual({ filled: legacy.length });
    expect(await shown()).toEqual([...expected(recentlyClosed), ...recentLegacy].sort());
    expect(await fillClosedMonths(world.deps)).toEqual({ filled: 0 });
  });
});
