import type { Client } from '@microsoft/microsoft-graph-client';
import { defaultSiteHostname, defaultSitePath } from '@outreach/graph-emulator';
import { loadDemoHistory } from '../../app/data/demoHistory';
import { graphPorts } from '../../graph/graphPorts';
import { CHANGED_AT_COLUMN, columnsOf, lists, PAYLOAD_COLUMN } from '../../graph/sharepoint/listDefinitions';
import { FULL_READ_INTERVAL_MS } from '../../graph/sharepoint/serviceHistory';
import type { HistorySnapshot, ServiceHistory } from '../../workflow';
import { freshCase } from '../contract/samples';
import { buildWorld, type World } from '../support/world';
import { serviceMailbox, useEmbeddedGraph } from './embeddedGraph';
import { loggedRequests, roundTripsIn } from './requestLog';

jest.setTimeout(180_000);

/** A case written before the Cases list had its ChangedAt column: the list as an earlier version provisioned it. */
const legacyCase = { ...freshCase(), reference: 'OC-24-LEGCY', referralKey: 'legacy-referral' };
const makeLegacyCasesList = async (client: Client): Promise<void> => {
  const site = (await client.api(`/sites/${defaultSiteHostname}:${defaultSitePath}`).select('id').get()) as { id: string };
  const columns = columnsOf(lists.cases).filter((c) => c.name !== CHANGED_AT_COLUMN);
  const made = (await client.api(`/sites/${site.id}/lists`).post({
    displayName: lists.cases.displayName, list: { template: 'genericList' },
    columns: columns.map((c) => ({ name: c.name, ...(c.type === 'note' ? { text: { allowMultipleLines: true } } : { [c.type]: {} }), ...(c.indexed ? { indexed: true } : {}) })),
  })) as { id: string };
  await client.api(`/sites/${site.id}/lists/${made.id}/items`).post({ fields: { IdempotencyKey: 'legacy-case', CaseReference: legacyCase.reference, Status: 'open', [PAYLOAD_COLUMN]: JSON.stringify(legacyCase) } });
};

const graph = useEmbeddedGraph({ beforeProvision: async ({ client }) => makeLegacyCasesList(client) });

const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => Number(a.id) - Number(b.id));
const sameAs = async (world: World, snapshot: HistorySnapshot): Promise<void> => {
  const { stores } = world.deps;
  const [cases, children, records, contracts, purchases] = await Promise.all([stores.cases.list(), stores.children.list(), stores.records.list(), stores.contracts.list(), stores.purchases.list()]);
  expect(byId(snapshot.cases)).toEqual(byId(cases));
  expect(byId(snapshot.children)).toEqual(byId(children));
  expect(byId(snapshot.records)).toEqual(byId(records));
  expect(byId(snapshot.contracts)).toEqual(byId(contracts));
  expect(byId(snapshot.purchases)).toEqual(byId(purchases));
};

describe('the service history on SharePoint: read whole once, then only what changed', () => {
  let world: World;
  let history: ServiceHistory;
  const trips = async (run: () => Promise<unknown>) => {
    await graph().resetRequests();
    await run();
    const entries = await loggedRequests(graph());
    return { roundTrips: roundTripsIn(entries).length, requests: entries.filter((e) => e.path !== '/$batch') };
  };

  beforeAll(async () => {
    const { client, site, ports } = graph();
    world = await buildWorld('2026-03-15T09:00:00Z', ports);
    await loadDemoHistory(world.deps.stores, world.config, { academicYears: ['2025-26'], casesPerYear: 8, until: '2026-03-15' });
    history = graphPorts(client, site, serviceMailbox).history;
  });

  it('provisioning gives the four lists an indexed ChangedAt column, the list made before it too', async () => {
    for (const key of ['cases', 'children', 'records', 'contracts'] as const) {
      const columns = (await graph().client.api(`${graph().site.listPaths[key]}/columns`).select('name,indexed').get()) as { value: Array<{ name: string; indexed?: boolean }> };
      expect(columns.value.find((c) => c.name === CHANGED_AT_COLUMN)).toMatchObject({ indexed: true });
    }
  });

  it('the first read holds every list as the stores read it, the case written before ChangedAt existed too', async () => {
    const snapshot = await history.read();
    await sameAs(world, snapshot);
    expect(snapshot.cases.map((c) => c.reference)).toContain(legacyCase.reference);
    expect(snapshot.cases.length).toBeGreaterThan(5);
    expect(snapshot.records.length).toBeGreaterThan(50);
  });

  it('a warm read is one round trip: what changed in each list since, asked together in one $batch', async () => {
    const { stores } = world.deps;
    const [someCase] = await stores.cases.find({ status: 'open' });
    const [someRecord] = await stores.records.list();
    const [someContract] = await stores.contracts.list();
    const [someChild] = await stores.children.list();
    if (!someCase || !someRecord || !someContract || !someChild) throw new Error('the demo history wrote too little');
    const updatedCase = await stores.cases.update(someCase.id, { reasonForReferral: 'Changed for the history test.' }, someCase.etag);
    await stores.records.update(someRecord.id, { locked: true }, someRecord.etag);
    await stores.contracts.update(someContract.id, { support: 'Changed support.' }, someContract.etag);
    await stores.children.update(someChild.id, { legalHold: true }, someChild.etag);
    const { item: newRecord } = await stores.records.create({ ...someRecord, body: { kind: 'chronology', on: '2026-03-15', category: 'note', note: 'Added for the history test.' } }, 'history-test-new-record');
    const { item: newCase } = await stores.cases.create({ ...freshCase(), reference: 'OC-26-HSTRY', referralKey: 'history-test-case' }, 'history-test-case');

    let snapshot: HistorySnapshot | undefined;
    const cost = await trips(async () => {
      snapshot = await history.read();
    });
    expect(cost.roundTrips).toBe(1);
    // One GET of each list's items (its ChangedAt query), and the Purchases list (not cached in this test).
    const { listPaths } = graph().site;
    for (const key of ['cases', 'children', 'records', 'contracts', 'purchases'] as const) {
      const listId = listPaths[key].split('/').at(-1) as string;
      expect(cost.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/lists/${listId}/items`))).toHaveLength(1);
    }
    expect(cost.requests).toHaveLength(5);
    if (!snapshot) throw new Error('no snapshot');
    expect(snapshot.cases.find((c) => c.id === someCase.id)).toMatchObject({ reasonForReferral: 'Changed for the history test.', etag: updatedCase.etag });
    expect(snapshot.records.find((r) => r.id === someRecord.id)).toMatchObject({ locked: true });
    expect(snapshot.contracts.find((c) => c.id === someContract.id)).toMatchObject({ support: 'Changed support.' });
    expect(snapshot.children.find((c) => c.id === someChild.id)).toMatchObject({ legalHold: true });
    expect(snapshot.records.map((r) => r.id)).toContain(newRecord.id);
    expect(snapshot.cases.map((c) => c.id)).toContain(newCase.id);
    await sameAs(world, snapshot);
  });

  it('reads that arrive together share one refresh, and what a read answers is the caller\'s own copy', async () => {
    let answers: HistorySnapshot[] = [];
    const cost = await trips(async () => {
      answers = await Promise.all([history.read(), history.read(), history.read()]);
    });
    expect(cost.roundTrips).toBe(1);
    const [first, second] = answers;
    if (!first || !second) throw new Error('no answers');
    expect(second).toEqual(first);
    (first.cases as unknown as Array<{ reasonForReferral: string }>)[0]!.reasonForReferral = 'Scribbled on by a caller.';
    (first.records as unknown[]).length = 0;
    const again = await history.read();
    expect(again.records.length).toBe(second.records.length);
    expect(again.cases[0]?.reasonForReferral).toBe(second.cases[0]?.reasonForReferral);
  });

  it('a full read every FULL_READ_INTERVAL_MS catches what the warm reads cannot see: a deletion, an edit made by hand', async () => {
    const { client, site } = graph();
    // A history of its own, whose clock is moved on (the other tests' history keeps the real time).
    let offset = 0;
    const history = graphPorts(client, site, serviceMailbox, { history: { now: () => Date.now() + offset } }).history;
    const before = await history.read();
    const [gone, edited] = before.records.slice(-2);
    if (!gone || !edited) throw new Error('too few records');
    await client.api(`${site.listPaths.records}/items/${gone.id}`).delete();
    expect(await world.deps.stores.records.get(gone.id)).toBeUndefined();
    // An edit in SharePoint's own forms leaves ChangedAt as it was.
    const { id: _id, etag: _etag, ...payload } = edited as typeof edited & { etag: string };
    await client.api(`${site.listPaths.records}/items/${edited.id}/fields`).patch({ [PAYLOAD_COLUMN]: JSON.stringify({ ...payload, locked: true, lockedBy: 'by-hand' }) });
    const warm = await history.read();
    expect(warm.records.map((r) => r.id)).toContain(gone.id);
    offset += FULL_READ_INTERVAL_MS + 1;
    const full = await history.read();
    expect(full.records.map((r) => r.id)).not.toContain(gone.id);
    expect(full.records.find((r) => r.id === edited.id)).toMatchObject({ lockedBy: 'by-hand' });
    await sameAs(world, full);
  });

  it('past the list view threshold, the warm read is still one round trip (its filter is on the indexed ChangedAt)', async () => {
    const { client, site } = graph();
    // No margin, so that the test need not wait two minutes for the items it wrote to be older than the window.
    const history = graphPorts(client, site, serviceMailbox, { history: { marginMs: 0 } }).history;
    await graph().setFidelity({ listViewThreshold: 20 });
    try {
      // SharePoint keeps whole seconds, and the warm read asks from the cold read's second on: the items written
      // before this test (more than the threshold) must be in an earlier second, or the warm read would match them all.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await history.read();
      // The change is in a later second than the read's start.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const [someCase] = await world.deps.stores.cases.find({ status: 'open' });
      if (!someCase) throw new Error('no open case');
      await world.deps.stores.cases.update(someCase.id, { reasonForReferral: 'Changed past the threshold.' }, someCase.etag);
      let snapshot: HistorySnapshot | undefined;
      const cost = await trips(async () => {
        snapshot = await history.read();
      });
      expect(cost.roundTrips).toBe(1);
      expect(cost.requests.every((r) => r.status === 200)).toBe(true);
      expect(snapshot?.cases.find((c) => c.id === someCase.id)?.reasonForReferral).toBe('Changed past the threshold.');
    } finally {
      await graph().setFidelity({ listViewThreshold: 5000 });
    }
  });

  it('more changes than the list view threshold within the window: the throttled changes query is not waited on, everything is read instead', async () => {
    const { client, site } = graph();
    const history = graphPorts(client, site, serviceMailbox, { history: { marginMs: 0 } }).history;
    await graph().setFidelity({ listViewThreshold: 20 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await history.read();
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const records = (await world.deps.stores.records.list()).slice(0, 25);
      expect(records).toHaveLength(25);
      for (const r of records) await world.deps.stores.records.update(r.id, { lockedBy: 'bulk-import' }, r.etag);
      let snapshot: HistorySnapshot | undefined;
      const cost = await trips(async () => {
        snapshot = await history.read();
      });
      // One throttled answer (the records' changes), not retried; then the lists read whole.
      expect(cost.requests.filter((r) => r.status === 429)).toHaveLength(1);
      expect(snapshot && snapshot.records.filter((r) => r.lockedBy === 'bulk-import')).toHaveLength(25);
      await sameAs(world, snapshot as HistorySnapshot);
    } finally {
      await graph().setFidelity({ listViewThreshold: 5000 });
    }
  });
});
