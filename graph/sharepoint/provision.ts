import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { CASE_FILES_LIBRARY, columnsOf, lists, type ColumnDefinition, type ListKey } from './listDefinitions';

/** The site by id, or by host name and server-relative path (e.g. /sites/outreach). */
export type SiteAddress = { siteId: string } | { hostname: string; path: string };

export interface ProvisionedSite {
  siteId: string;
  /** `/sites/{site}/lists/{list}` for each list. */
  listPaths: Record<ListKey, string>;
  caseFilesDriveId: string;
}

const Site = z.object({ id: z.string() });
const ListsPage = z.object({ value: z.array(z.object({ id: z.string(), displayName: z.string() })), '@odata.nextLink': z.string().optional() });
const Columns = z.object({ value: z.array(z.object({ id: z.string(), name: z.string(), indexed: z.boolean().optional() })) });
const BatchResponse = z.object({ responses: z.array(z.object({ id: z.string(), status: z.number(), body: z.unknown().optional() })) });
const Drive = z.object({ id: z.string() });

const columnBody = (c: ColumnDefinition): Record<string, unknown> => ({
  name: c.name,
  ...(c.type === 'note' ? { text: { allowMultipleLines: true } } : { [c.type]: {} }),
  ...(c.indexed ? { indexed: true } : {}),
  ...(c.unique ? { enforceUniqueValues: true } : {}),
});

/**
 * Makes the site ready, idempotently: every list with its columns and indexes, and the
 * "Case Files" library. Safe to run at every start: what exists is left as it is, what is
 * missing is added, and a column that lost its index gets it back.
 */
export async function provisionSite(client: Client, address: SiteAddress): Promise<ProvisionedSite> {
  const sitePathOrId = 'siteId' in address ? address.siteId : `${address.hostname}:${address.path}`;
  const site = Site.parse(await client.api(`/sites/${sitePathOrId}`).select('id').get());
  const sitePath = `/sites/${site.id}`;
  const existing = await listsOf(client, sitePath);
  const listPaths = {} as Record<ListKey, string>;
  for (const [key, definition] of Object.entries(lists) as Array<[ListKey, (typeof lists)[ListKey]]>) {
    const columns = columnsOf(definition);
    let id = existing.get(definition.displayName);
    if (!id) {
      const created = Site.parse(
        await client.api(`${sitePath}/lists`).post({
          displayName: definition.displayName,
          description: definition.description,
          list: { template: 'genericList' },
          columns: columns.map(columnBody),
        }),
      );
      id = created.id;
    } else {
      await addMissingColumns(client, `${sitePath}/lists/${id}`, columns);
    }
    listPaths[key] = `${sitePath}/lists/${id}`;
  }
  let libraryId = existing.get(CASE_FILES_LIBRARY);
  if (!libraryId) {
    libraryId = Site.parse(await client.api(`${sitePath}/lists`).post({ displayName: CASE_FILES_LIBRARY, list: { template: 'documentLibrary' } })).id;
  }
  const drive = Drive.parse(await client.api(`${sitePath}/lists/${libraryId}/drive`).select('id').get());
  return { siteId: site.id, listPaths, caseFilesDriveId: drive.id };
}

async function listsOf(client: Client, sitePath: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let page = ListsPage.parse(await client.api(`${sitePath}/lists`).select('id,displayName').get());
  for (;;) {
    for (const l of page.value) found.set(l.displayName, l.id);
    if (!page['@odata.nextLink']) return found;
    page = ListsPage.parse(await client.api(page['@odata.nextLink']).get());
  }
}

/** Missing columns are created in one $batch; each sub-response is checked on its own. */
async function addMissingColumns(client: Client, listPath: string, wanted: ColumnDefinition[]): Promise<void> {
  const have = Columns.parse(await client.api(`${listPath}/columns`).select('id,name,indexed').get()).value;
  const requests: Array<{ id: string; method: string; url: string; headers: Record<string, string>; body: unknown }> = [];
  for (const column of wanted) {
    const found = have.find((c) => c.name === column.name);
    if (!found) {
      requests.push({ id: column.name, method: 'POST', url: `${listPath}/columns`, headers: { 'Content-Type': 'application/json' }, body: columnBody(column) });
    } else if (column.indexed && !found.indexed) {
      requests.push({ id: column.name, method: 'PATCH', url: `${listPath}/columns/${found.id}`, headers: { 'Content-Type': 'application/json' }, body: { indexed: true } });
    }
  }
  for (let i = 0; i < requests.length; i += 20) {
    const batch = BatchResponse.parse(await client.api('/$batch').post({ requests: requests.slice(i, i + 20) }));
    const failed = batch.responses.filter((r) => r.status >= 400 && r.status !== 409);
    if (failed.length) {
      throw new Error(`Provisioning ${listPath} failed for column(s) ${failed.map((f) => `${f.id} (${f.status})`).join(', ')}`);
    }
  }
}

