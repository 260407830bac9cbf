import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { fillSafeguarding } from './fillSafeguarding';
import { graphErrorCode, graphStatus } from './graphErrors';
import { CASE_FILES_LIBRARY, columnsOf, lists, TEMPLATES_LIBRARY, type ColumnDefinition, type ListKey } from './listDefinitions';
import { runBatch, sleep, type BatchPart, type BatchRequest, type Wait } from './siteBatch';
import { columnBody, schemaFingerprint, SITE_SCHEMA_LIST, siteSchemaListDescription } from './siteSchema';
import { allLists, ListsPage, surveySite, type SiteAddress, type SiteSurvey, type SurveyedColumn } from './siteSurvey';

export type { SiteAddress } from './siteSurvey';
export type { Wait } from './siteBatch';

export interface ProvisionedSite {
  siteId: string;
  /** `/sites/{site}/lists/{list}` for each list. */
  listPaths: Record<ListKey, string>;
  caseFilesDriveId: string;
  /** The "Templates" library: the service's own copies of the document templates. */
  templatesDriveId: string;
}

const Site = z.object({ id: z.string() });
const SchemaItems = z.object({ value: z.array(z.object({ id: z.string(), fields: z.object({ Title: z.string().nullish() }).optional() })) });
const BatchError = z.object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }) });
type FailedPart = { id: string; status: number; code?: string | undefined };
const Drive = z.object({ id: z.string() });

/** The SiteSchema list's item, when it has one: updated in place rather than added to. */
type SchemaMarker = { itemId?: string };

/**
 * Makes the site ready, idempotently. A site already provisioned for these list definitions (its
 * SiteSchema item holds their fingerprint) is read in one `$batch`: site, lists, fingerprint and
 * the libraries' drives. Otherwise every list is made with its columns and indexes, and the "Case
 * Files" and "Templates" libraries: what exists is left as it is, what is missing is added, and a column that lost
 * its index gets it back. Then existing items are brought up to the new definitions (a new
 * column's values): the concern records' Safeguarding here, the rest by `migrate`. The fingerprint
 * is written last, once all of that succeeded, so a start that stopped half-way does it all again
 * (each step is idempotent).
 */
export async function provisionSite(
  client: Client,
  address: SiteAddress,
  wait: Wait = sleep,
  migrate: (site: ProvisionedSite) => Promise<void> = async () => undefined,
): Promise<ProvisionedSite> {
  const fingerprint = schemaFingerprint();
  const check = await provisionedFor(client, address, fingerprint, wait);
  if ('site' in check) return check.site;
  return applySite(client, await surveySite(client, address, wait), wait, migrate);
}

/**
 * Adds what the survey found missing (lists with their columns, columns, indexes, libraries, the
 * SiteSchema list), brings existing items up to the definitions, then records the fingerprint.
 */
export async function applySite(
  client: Client,
  survey: SiteSurvey,
  wait: Wait = sleep,
  migrate: (site: ProvisionedSite) => Promise<void> = async () => undefined,
): Promise<ProvisionedSite> {
  const { provisioned, schemaListPath } = await addMissing(client, survey, wait);
  await fillSafeguarding(client, provisioned.listPaths.records);
  await migrate(provisioned);
  await recordFingerprint(client, schemaListPath, survey.schemaItem ? { itemId: survey.schemaItem.id } : {}, schemaFingerprint());
  return provisioned;
}

/** `/sites/{id}` or `/sites/{host}:{path}`, and the prefix for what is under it (a path address ends with `:` there). */
const siteAddressOf = (address: SiteAddress): { site: string; under: string } =>
  'siteId' in address
    ? { site: `/sites/${address.siteId}`, under: `/sites/${address.siteId}` }
    : { site: `/sites/${address.hostname}:${address.path}`, under: `/sites/${address.hostname}:${address.path}:` };

/** The site as provisioned, when its fingerprint matches and every list and the library are there; else what is known of the marker. */
async function provisionedFor(client: Client, address: SiteAddress, fingerprint: string, wait: Wait): Promise<{ site: ProvisionedSite } | { marker: SchemaMarker }> {
  const { site: siteUrl, under } = siteAddressOf(address);
  const parts = await runBatch(
    client,
    [
      { id: 'site', method: 'GET', url: `${siteUrl}?$select=id` },
      { id: 'lists', method: 'GET', url: `${under}/lists?$select=id,displayName` },
      { id: 'schema', method: 'GET', url: `${under}/lists/${SITE_SCHEMA_LIST}/items?$select=id&$expand=fields($select=Title)&$top=1` },
      { id: 'drive', method: 'GET', url: `${under}/lists/${encodeURIComponent(CASE_FILES_LIBRARY)}/drive?$select=id` },
      { id: 'templates', method: 'GET', url: `${under}/lists/${encodeURIComponent(TEMPLATES_LIBRARY)}/drive?$select=id` },
    ],
    wait,
  );
  const bodyOf = (id: string): unknown => (parts.get(id)?.status === 200 ? parts.get(id)?.body : undefined);
  const schemaItem = SchemaItems.safeParse(bodyOf('schema')).data?.value[0];
  const marker: SchemaMarker = schemaItem ? { itemId: schemaItem.id } : {};
  const site = Site.safeParse(bodyOf('site')).data;
  const listsPage = ListsPage.safeParse(bodyOf('lists')).data;
  const drive = Drive.safeParse(bodyOf('drive')).data;
  const templates = Drive.safeParse(bodyOf('templates')).data;
  if (!site || !listsPage || !drive || !templates || schemaItem?.fields?.Title !== fingerprint) return { marker };
  const existing = await allLists(client, listsPage);
  const listPaths = {} as Record<ListKey, string>;
  for (const [key, definition] of Object.entries(lists) as Array<[ListKey, (typeof lists)[ListKey]]>) {
    const id = existing.get(definition.displayName);
    if (!id) return { marker };
    listPaths[key] = `/sites/${site.id}/lists/${id}`;
  }
  return { site: { siteId: site.id, listPaths, caseFilesDriveId: drive.id, templatesDriveId: templates.id } };
}

/**
 * The site as the app uses it, from a survey alone (tenant mode: nothing is created). A list that is
 * missing keeps an address by its name, which Graph answers 404: the app still starts and says what is missing.
 */
export function siteFromSurvey(survey: SiteSurvey): ProvisionedSite {
  const sitePath = `/sites/${survey.siteId}`;
  const listPaths = {} as Record<ListKey, string>;
  for (const [key, definition] of Object.entries(lists) as Array<[ListKey, (typeof lists)[ListKey]]>) {
    listPaths[key] = `${sitePath}/lists/${survey.listIds.get(definition.displayName) ?? encodeURIComponent(definition.displayName)}`;
  }
  return { siteId: survey.siteId, listPaths, caseFilesDriveId: survey.drives.caseFiles ?? '', templatesDriveId: survey.drives.templates ?? '' };
}

async function addMissing(client: Client, survey: SiteSurvey, wait: Wait): Promise<{ provisioned: ProvisionedSite; schemaListPath: string }> {
  const sitePath = `/sites/${survey.siteId}`;
  const existing = new Map(survey.listIds);
  const listPaths = {} as Record<ListKey, string>;
  for (const [key, definition] of Object.entries(lists) as Array<[ListKey, (typeof lists)[ListKey]]>) {
    const columns = columnsOf(definition);
    let id = existing.get(definition.displayName);
    if (!id) {
      id = await createList(client, sitePath, {
        displayName: definition.displayName,
        description: definition.description,
        list: { template: 'genericList' },
        columns: columns.map(columnBody),
      });
    } else {
      await addMissingColumns(client, `${sitePath}/lists/${id}`, columns, survey.columns.get(definition.displayName) ?? [], wait);
    }
    listPaths[key] = `${sitePath}/lists/${id}`;
  }
  const library = async (displayName: string, description?: string) =>
    existing.get(displayName) ?? (await createList(client, sitePath, { displayName, ...(description ? { description } : {}), list: { template: 'documentLibrary' } }));
  const libraryId = await library(CASE_FILES_LIBRARY);
  const templatesId = await library(TEMPLATES_LIBRARY, "The service's own copies of the document templates: a file named like a shipped template is used instead of it.");
  const schemaListId =
    existing.get(SITE_SCHEMA_LIST) ??
    (await createList(client, sitePath, { displayName: SITE_SCHEMA_LIST, description: siteSchemaListDescription, list: { template: 'genericList' } }));
  const drive = survey.drives.caseFiles ?? Drive.parse(await client.api(`${sitePath}/lists/${libraryId}/drive`).select('id').get()).id;
  const templates = survey.drives.templates ?? Drive.parse(await client.api(`${sitePath}/lists/${templatesId}/drive`).select('id').get()).id;
  return {
    provisioned: { siteId: survey.siteId, listPaths, caseFilesDriveId: drive, templatesDriveId: templates },
    schemaListPath: `${sitePath}/lists/${schemaListId}`,
  };
}

/**
 * The fingerprint as the SiteSchema list's one item: updated in place, or added when there is none.
 * A write that committed and then answered 5xx (its retries too) has landed all the same: the item is read back.
 */
async function recordFingerprint(client: Client, schemaListPath: string, marker: SchemaMarker, fingerprint: string): Promise<void> {
  try {
    if (marker.itemId) await client.api(`${schemaListPath}/items/${marker.itemId}/fields`).patch({ Title: fingerprint });
    else await client.api(`${schemaListPath}/items`).post({ fields: { Title: fingerprint } });
  } catch (error) {
    const read = SchemaItems.parse(await client.api(`${schemaListPath}/items`).select('id').expand('fields($select=Title)').top(1).get());
    if (read.value[0]?.fields?.Title !== fingerprint) throw error;
  }
}

/**
 * Creates a list and answers its id. A create that committed and then answered 503 is retried by
 * the client and gets 409 nameAlreadyExists: the list is there, made by that first attempt.
 */
async function createList(client: Client, sitePath: string, body: { displayName: string } & Record<string, unknown>): Promise<string> {
  try {
    return Site.parse(await client.api(`${sitePath}/lists`).post(body)).id;
  } catch (error) {
    const made = graphStatus(error) === 409 && graphErrorCode(error) === 'nameAlreadyExists' ? (await listsOf(client, sitePath)).get(body.displayName) : undefined;
    if (!made) throw error;
    return made;
  }
}

async function listsOf(client: Client, sitePath: string): Promise<Map<string, string>> {
  return allLists(client, ListsPage.parse(await client.api(`${sitePath}/lists`).select('id,displayName').get()));
}

/** Missing columns are created in one $batch; each sub-response is checked on its own. */
async function addMissingColumns(client: Client, listPath: string, wanted: ColumnDefinition[], have: SurveyedColumn[], wait: Wait): Promise<void> {
  const requests: BatchRequest[] = [];
  for (const column of wanted) {
    const found = have.find((c) => c.name === column.name);
    if (!found) {
      requests.push({ id: column.name, method: 'POST', url: `${listPath}/columns`, headers: { 'Content-Type': 'application/json' }, body: columnBody(column) });
    } else if (column.indexed && !found.indexed) {
      requests.push({ id: column.name, method: 'PATCH', url: `${listPath}/columns/${found.id}`, headers: { 'Content-Type': 'application/json' }, body: { indexed: true } });
    }
  }
  for (let i = 0; i < requests.length; i += 20) {
    const chunk = requests.slice(i, i + 20);
    const answers = await runBatch(client, chunk, wait);
    const failed = [...answers.values()].filter((r) => r.status >= 400 && !columnAlreadyExists(chunk.find((p) => p.id === r.id), r)).map(failedPart);
    if (failed.length) {
      throw new Error(`Provisioning ${listPath} failed for column(s) ${failed.map((f) => `${f.id} (${f.status}${f.code ? ` ${f.code}` : ''})`).join(', ')}`);
    }
  }
}

/**
 * A 409 means "already there" only when SharePoint says so (nameAlreadyExists, "duplicate field
 * name") for a column being added: a retried create whose first attempt landed. Any other 409 is a failure.
 */
export function columnAlreadyExists(request: BatchRequest | undefined, response: BatchPart): boolean {
  if (response.status !== 409 || request?.method !== 'POST') return false;
  const error = errorOf(response);
  return error?.code === 'nameAlreadyExists' || /duplicate field name|already exists/i.test(error?.message ?? '');
}

const failedPart = (r: BatchPart): FailedPart => ({ id: r.id, status: r.status, code: errorOf(r)?.code });

const errorOf = (response: BatchPart): { code?: string; message?: string } | undefined => BatchError.safeParse(response.body).data?.error;
