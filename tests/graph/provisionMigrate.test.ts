import { defaultSiteHostname, defaultSitePath } from '@outreach/graph-emulator';
import { provisionSite } from '../../graph/sharepoint/provision';
import { SITE_SCHEMA_LIST } from '../../graph/sharepoint/siteSchema';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';

jest.setTimeout(60_000);

let graph: EmbeddedGraph;
beforeAll(async () => {
  graph = await startEmbeddedGraph();
});
afterAll(async () => {
  await graph.stop();
});

const address = { hostname: defaultSiteHostname, path: defaultSitePath };

describe('items are migrated when the lists change, before the new fingerprint is written', () => {
  it('a start on a site provisioned for these definitions migrates nothing', async () => {
    const migrated: string[] = [];
    await provisionSite(graph.client, address, undefined, async (site) => void migrated.push(site.siteId));
    expect(migrated).toEqual([]);
  });

  it('a site whose fingerprint is not these definitions is provisioned and migrated; a migration that fails leaves it to the next start', async () => {
    const schemaItems = `/sites/${graph.site.siteId}/lists/${SITE_SCHEMA_LIST}/items`;
    const [marker] = ((await graph.client.api(schemaItems).get()) as { value: Array<{ id: string }> }).value;
    await graph.client.api(`${schemaItems}/${marker?.id}/fields`).patch({ Title: 'definitions of an older version' });
    await expect(provisionSite(graph.client, address, undefined, async () => Promise.reject(new Error('stopped half-way')))).rejects.toThrow('stopped half-way');
    const migrated: string[] = [];
    await provisionSite(graph.client, address, undefined, async (site) => void migrated.push(site.siteId));
    expect(migrated).toEqual([graph.site.siteId]);
    await provisionSite(graph.client, address, undefined, async (site) => void migrated.push(site.siteId));
    expect(migrated).toHaveLength(1);
  });
});
