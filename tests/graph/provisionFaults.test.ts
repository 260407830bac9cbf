import type { Client } from '@microsoft/microsoft-graph-client';
import { defaultSiteHostname, defaultSitePath } from '@outreach/graph-emulator';
import { columnAlreadyExists } from '../../graph/sharepoint/provision';
import { columnsOf, lists } from '../../graph/sharepoint/listDefinitions';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';

jest.setTimeout(120_000);

type LogEntry = { method: string; path: string; status: number; batchRequestId?: string; fault?: string };

/** Lists made by hand before the app first starts, with only their Title: provisioning adds every other column in a $batch. */
const bareLists = ['staff', 'schools', 'cases'] as const;
const makeBareLists = async (client: Client): Promise<void> => {
  const site = (await client.api(`/sites/${defaultSiteHostname}:${defaultSitePath}`).select('id').get()) as { id: string };
  for (const key of bareLists) await client.api(`/sites/${site.id}/lists`).post({ displayName: lists[key].displayName, list: { template: 'genericList' } });
};

const columnNames = async (graph: EmbeddedGraph, key: (typeof bareLists)[number]): Promise<string[]> =>
  ((await graph.client.api(`${graph.site.listPaths[key]}/columns`).select('name').get()) as { value: Array<{ name: string }> }).value.map((c) => c.name);

const subRequestLog = async (graph: EmbeddedGraph): Promise<LogEntry[]> => ((await graph.requests()).entries ?? []).filter((e: LogEntry) => e.batchRequestId !== undefined) as LogEntry[];

describe('provisioning under Graph faults', () => {
  it('Provisioning throws when a $batch sub-request gets 429: now the throttled parts are sent again after their Retry-After', async () => {
    const waits: number[] = [];
    const graph = await startEmbeddedGraph({
      beforeProvision: async ({ client, setFaults }) => {
        await makeBareLists(client);
        await setFaults({ rate: 0.3, statuses: [429], retryAfterSeconds: 1, seed: 7 });
      },
      provisionWait: async (ms) => void waits.push(ms),
    });
    try {
      const throttled = (await subRequestLog(graph)).filter((e) => e.status === 429);
      expect(throttled.length).toBeGreaterThan(0);
      expect(waits.length).toBeGreaterThan(0);
      expect(waits.every((ms) => ms === 1000)).toBe(true);
      await graph.clearFaults();
      for (const key of bareLists) expect((await columnNames(graph, key)).sort()).toEqual(expect.arrayContaining(columnsOf(lists[key]).map((c) => c.name)));
    } finally {
      await graph.stop();
    }
  });

  it('a column create that commits and then answers 503 is sent again, and its 409 nameAlreadyExists counts as "there"', async () => {
    const graph = await startEmbeddedGraph({
      beforeProvision: async ({ client, setFaults }) => {
        await makeBareLists(client);
        await setFaults({ rate: 0, failAfterCommitRate: 1, retryAfterSeconds: 0 });
      },
      provisionWait: async () => undefined,
    });
    try {
      await graph.clearFaults();
      const log = await subRequestLog(graph);
      expect(log.some((e) => e.fault === 'afterCommit')).toBe(true);
      expect(log.some((e) => e.status === 409)).toBe(true);
      for (const key of bareLists) {
        const names = await columnNames(graph, key);
        for (const column of columnsOf(lists[key])) expect(names.filter((n) => n === column.name)).toHaveLength(1);
      }
    } finally {
      await graph.stop();
    }
  });

  it('Every 409 in provisioning was taken to mean "column already exists": only nameAlreadyExists on a column create is', () => {
    const post = { id: 'Payload', method: 'POST' as const, url: '/sites/s/lists/l/columns', headers: {}, body: {} };
    const patch = { ...post, method: 'PATCH' as const };
    const exists = { id: 'Payload', status: 409, body: { error: { code: 'nameAlreadyExists', message: 'A duplicate field name "Payload" was found.' } } };
    const saveConflict = { id: 'Payload', status: 409, body: { error: { code: 'resourceModified', message: 'Save Conflict. Your changes conflict with those made concurrently by another user.' } } };
    expect(columnAlreadyExists(post, exists)).toBe(true);
    expect(columnAlreadyExists(post, saveConflict)).toBe(false);
    expect(columnAlreadyExists(patch, exists)).toBe(false);
    expect(columnAlreadyExists(post, { id: 'Payload', status: 409 })).toBe(false);
  });
});
