import { defaultSiteHostname, defaultSitePath } from '@outreach/graph-emulator';
import { provisionSite } from '../../graph/sharepoint/provision';
import { schemaFingerprint, SITE_SCHEMA_LIST } from '../../graph/sharepoint/siteSchema';
import { useEmbeddedGraph } from './embeddedGraph';

jest.setTimeout(60_000);

type LogEntry = { method: string; path: string; status: number; batchRequestId?: string };
const address = { hostname: defaultSiteHostname, path: defaultSitePath };

describe('a site provisioned for these list definitions is not provisioned again', () => {
  const graph = useEmbeddedGraph();
  const log = async (): Promise<LogEntry[]> => ((await graph().requests()).entries ?? []) as LogEntry[];
  const schemaItems = async () => {
    const site = graph().site;
    return ((await graph().client.api(`/sites/${site.siteId}/lists/${SITE_SCHEMA_LIST}/items`).expand('fields($select=Title)').get()) as { value: Array<{ id: string; fields: { Title: string } }> }).value;
  };

  it('records the definitions\' fingerprint on the site once provisioned', async () => {
    expect((await schemaItems()).map((i) => i.fields.Title)).toEqual([schemaFingerprint()]);
  });

  it('a start on the provisioned site is one round trip (a $batch of five reads), with the same lists and libraries', async () => {
    await graph().resetRequests();
    const site = await provisionSite(graph().client, address);
    expect(site).toEqual(graph().site);
    const entries = await log();
    // The emulator logs the $batch envelope (the one round trip) and its parts, each with its id in the batch.
    expect(entries.filter((e) => e.batchRequestId === undefined).map((e) => `${e.method} ${e.path}`)).toEqual(['POST /$batch']);
    expect(entries.filter((e) => e.batchRequestId !== undefined).map((e) => `${e.method} ${e.batchRequestId}`).sort()).toEqual(['GET drive', 'GET lists', 'GET schema', 'GET site', 'GET templates']);
  });

  it('changed definitions (another fingerprint) provision again: a lost index comes back, and the new fingerprint is written', async () => {
    const { client, site } = graph();
    const [item] = await schemaItems();
    await client.api(`/sites/${site.siteId}/lists/${SITE_SCHEMA_LIST}/items/${item?.id}/fields`).patch({ Title: 'definitions of an older version' });
    const columns = (await client.api(`${site.listPaths.cases}/columns`).select('id,name,indexed').get()) as { value: Array<{ id: string; name: string; indexed?: boolean }> };
    const status = columns.value.find((c) => c.name === 'Status');
    await client.api(`${site.listPaths.cases}/columns/${status?.id}`).patch({ indexed: false });

    await provisionSite(client, address);

    const after = (await client.api(`${site.listPaths.cases}/columns`).select('id,name,indexed').get()) as typeof columns;
    expect(after.value.find((c) => c.name === 'Status')?.indexed).toBe(true);
    expect((await schemaItems()).map((i) => i.fields.Title)).toEqual([schemaFingerprint()]);
  });
});
