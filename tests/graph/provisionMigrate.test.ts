import { defaultSiteHostname, defaultSitePath } from '@outreach/graph-emulator';
import { provisionSite } from '../../graph/sharepoint/provision';
import { SITE_SCHEMA_LIST } from '../../graph/sharepoint/siteSchema';
import { useEmbeddedGraph } from './embeddedGraph';

jest.setTimeout(60_000);

const embedded = useEmbeddedGraph();

const address = { hostname: defaultSiteHostname, path: defaultSitePath };

describe('items are migrated when the lists change, before the new fingerprint is written', () => {
  it('a start on a site provisioned for these definitions migrates nothing', async () => {
    const migrated: string[] = [];
    await provisionSite(embedded().client, address, undefined, async (site) => void migrated.push(site.siteId));
    expect(migrated).toEqual([]);
  });

  it('a site whose fingerprint is not these definitions is provisioned and migrated; a migration that fails leaves it to the next start', async () => {
    const schemaItems = `/sites/${embedded().site.siteId}/lists/${SITE_SCHEMA_LIST}/items`;
    const [marker] = ((await embedded().client.api(schemaItems).get()) as { value: Array<{ id: string }> }).value;
    await embedded().client.api(`${schemaItems}/${marker?.id}/fields`).patch({ Title: 'definitions of an older version' });
    await expect(provisionSite(embedded().client, address, undefined, async () => Promise.reject(new Error('stopped half-way')))).rejects.toThrow('stopped half-way');
    const migrated: string[] = [];
    await provisionSite(embedded().client, address, undefined, async (site) => void migrated.push(site.siteId));
    expect(migrated).toEqual([embedded().site.siteId]);
    await provisionSite(embedded().client, address, undefined, async (site) => void migrated.push(site.siteId));
    expect(migrated).toHaveLength(1);
  });
});
