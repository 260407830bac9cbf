import type { Client } from '@microsoft/microsoft-graph-client';
import { defaultSiteHostname, defaultSitePath } from '@outreach/graph-emulator';
import { columnsOf, lists, PAYLOAD_COLUMN } from '../../graph/sharepoint/listDefinitions';
import { SharePointListStore } from '../../graph/sharepoint/listStore';
import { columnBody } from '../../graph/sharepoint/siteSchema';
import type { Job, NewItem } from '../../workflow';
import { useEmbeddedGraph } from './embeddedGraph';
import { loggedRequests, roundTripsIn } from './requestLog';

jest.setTimeout(120_000);

const newJob = (dueAt: string, n: number): NewItem<Job> => ({
  kind: 'check-out-missed',
  dueAt,
  payload: { recordKey: `record-${n}` },
  status: 'queued',
  attempts: 0,
  createdAt: '2026-09-25T09:00:00Z',
  updatedAt: '2026-09-25T09:00:00Z',
});

/** A job queued before the Jobs list had its DueAt column: the list as an earlier version provisioned it. */
const legacyJob = newJob('2026-09-25T08:00:00Z', 0);
const makeLegacyJobsList = async (client: Client): Promise<void> => {
  const site = (await client.api(`/sites/${defaultSiteHostname}:${defaultSitePath}`).select('id').get()) as { id: string };
  const columns = columnsOf(lists.jobs).filter((c) => c.name !== 'DueAt');
  const made = (await client.api(`/sites/${site.id}/lists`).post({ displayName: lists.jobs.displayName, list: { template: 'genericList' }, columns: columns.map(columnBody) })) as { id: string };
  await client.api(`/sites/${site.id}/lists/${made.id}/items`).post({ fields: { IdempotencyKey: 'legacy-job', Status: 'queued', [PAYLOAD_COLUMN]: JSON.stringify(legacyJob) } });
};

const graph = useEmbeddedGraph({ beforeProvision: async ({ client }) => makeLegacyJobsList(client) });

describe('the Jobs list on SharePoint: the due jobs in one query on the indexed DueAt column', () => {
  it('a site whose Jobs list has no DueAt gets the column, indexed, and its open jobs their DueAt from the migration', async () => {
    const columns = (await graph().client.api(`${graph().site.listPaths.jobs}/columns`).select('name,indexed').get()) as { value: Array<{ name: string; indexed?: boolean }> };
    expect(columns.value.find((c) => c.name === 'DueAt')).toMatchObject({ indexed: true });
    const now = new Date('2026-09-25T09:00:00Z');
    // Before the migration its DueAt is empty: the query does not see it.
    expect(await graph().ports.jobs.due(now, 50)).toEqual([]);
    expect(await graph().ports.jobs.fillDueAt()).toBe(1);
    const [found] = await graph().ports.jobs.due(now, 50);
    expect(found).toMatchObject({ dueAt: legacyJob.dueAt, status: 'queued' });
    if (found) await graph().ports.jobs.settle(found, { status: 'done', dueAt: found.dueAt, attempts: 0 }, now);
    expect(await graph().ports.jobs.fillDueAt()).toBe(0);
  });

  it('in a list past the list view threshold, due is one request ($filter on DueAt, $orderby DueAt, $top) and upcoming too; claims started together go in $batches', async () => {
    const threshold = 20;
    const { jobs } = graph().ports;
    const base = Date.parse('2026-10-05T09:00:00Z');
    const minutes = (n: number) => new Date(base + n * 60_000).toISOString();
    // 40 queued jobs (twice the threshold), 5 of them due; 5 done ones.
    const made = [];
    for (let n = 1; n <= 45; n += 1) made.push((await jobs.enqueue(newJob(minutes(n <= 5 ? -n : n), n), `threshold-${n}`)).item);
    const now = new Date(base);
    for (const job of made.slice(40)) {
      const claimed = await jobs.claim(job, 'setup', new Date(base + 3_600_000), now);
      if (claimed) await jobs.settle(claimed, { status: 'done', dueAt: job.dueAt, attempts: 0 }, now);
    }
    await graph().setFidelity({ listViewThreshold: threshold });
    const asked = jest.spyOn(SharePointListStore.prototype, 'firstPage');
    try {
      await graph().resetRequests();
      const due = await jobs.due(now, 50);
      expect(due.map((j) => j.dueAt)).toEqual([minutes(-5), minutes(-4), minutes(-3), minutes(-2), minutes(-1)]);
      expect(roundTripsIn(await loggedRequests(graph()))).toHaveLength(1);
      expect(asked).toHaveBeenLastCalledWith(`fields/DueAt le '2026-10-05T09:00:00Z'`, 'fields/DueAt', 50);

      await graph().resetRequests();
      const claims = await Promise.all(due.map((job) => jobs.claim(job, 'instance-a', new Date(base + 300_000), now)));
      expect(claims.every((c) => c?.status === 'running')).toBe(true);
      const trips = roundTripsIn(await loggedRequests(graph()));
      expect(trips.map((t) => t.path)).toEqual(['/$batch']);

      await graph().resetRequests();
      const soon = await jobs.upcoming(now, new Date(base + 10 * 60_000), 3);
      expect(soon.map((j) => j.dueAt)).toEqual([minutes(6), minutes(7), minutes(8)]);
      expect(roundTripsIn(await loggedRequests(graph()))).toHaveLength(1);
    } finally {
      asked.mockRestore();
      await graph().setFidelity({});
    }
  });
});
