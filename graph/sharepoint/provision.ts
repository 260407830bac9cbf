import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { graphErrorCode, graphStatus } from './graphErrors';
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
const BatchPartSchema = z.object({ id: z.string(), status: z.number(), headers: z.record(z.string(), z.string()).optional(), body: z.unknown().optional() });
const BatchResponse = z.object({ responses: z.array(BatchPartSchema) });
const BatchError = z.object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }) });
type BatchPart = z.infer<typeof BatchPartSchema>;
type BatchRequest = { id: string; method: 'POST' | 'PATCH'; url: string; headers: Record<string, string>; body: unknown };
type FailedPart = { id: string; status: number; code?: string | undefined };
/** Waits this long (milliseconds); tests pass one that records instead of sleeping. */
export type Wait = (ms: number) => Promise<void>;
const sleep: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const transientStatuses = new Set([429, 503, 504]);
const BATCH_ATTEMPTS = 6;
const MAX_RETRY_AFTER_SECONDS = 120;
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
export async function provisionSite(client: Client, address: SiteAddress, wait: Wait = sleep): Promise<ProvisionedSite> {
  const sitePathOrId = 'siteId' in address ? address.siteId : `${address.hostname}:${address.path}`;
  const site = Site.parse(await client.api(`/sites/${sitePathOrId}`).select('id').get());
  const sitePath = `/sites/${site.id}`;
  const existing = await listsOf(client, sitePath);
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
      await addMissingColumns(client, `${sitePath}/lists/${id}`, columns, wait);
    }
    listPaths[key] = `${sitePath}/lists/${id}`;
  }
  let libraryId = existing.get(CASE_FILES_LIBRARY);
  if (!libraryId) {
    libraryId = await createList(client, sitePath, { displayName: CASE_FILES_LIBRARY, list: { template: 'documentLibrary' } });
  }
  const drive = Drive.parse(await client.api(`${sitePath}/lists/${libraryId}/drive`).select('id').get());
  return { siteId: site.id, listPaths, caseFilesDriveId: drive.id };
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
  const found = new Map<string, string>();
  let page = ListsPage.parse(await client.api(`${sitePath}/lists`).select('id,displayName').get());
  for (;;) {
    for (const l of page.value) found.set(l.displayName, l.id);
    if (!page['@odata.nextLink']) return found;
    page = ListsPage.parse(await client.api(page['@odata.nextLink']).get());
  }
}

/** Missing columns are created in one $batch; each sub-response is checked on its own. */
async function addMissingColumns(client: Client, listPath: string, wanted: ColumnDefinition[], wait: Wait): Promise<void> {
  const have = Columns.parse(await client.api(`${listPath}/columns`).select('id,name,indexed').get()).value;
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
    const failed = await sendBatch(client, requests.slice(i, i + 20), wait);
    if (failed.length) {
      throw new Error(`Provisioning ${listPath} failed for column(s) ${failed.map((f) => `${f.id} (${f.status}${f.code ? ` ${f.code}` : ''})`).join(', ')}`);
    }
  }
}

/**
 * Sends one $batch and answers its failed parts. A part throttled on its own (429, or 503/504) is
 * sent again after its Retry-After, up to BATCH_ATTEMPTS times; the rest of the batch is not.
 */
async function sendBatch(client: Client, requests: BatchRequest[], wait: Wait): Promise<FailedPart[]> {
  let pending = requests;
  for (let attempt = 1; ; attempt += 1) {
    const batch = BatchResponse.parse(await client.api('/$batch').post({ requests: pending }));
    const throttled = batch.responses.filter((r) => transientStatuses.has(r.status));
    const failed = batch.responses.filter((r) => r.status >= 400 && !transientStatuses.has(r.status) && !columnAlreadyExists(pending.find((p) => p.id === r.id), r));
    if (failed.length || !throttled.length) return failed.map(failedPart);
    if (attempt >= BATCH_ATTEMPTS) return throttled.map(failedPart);
    await wait(Math.max(...throttled.map(retryAfterMs)));
    const again = new Set(throttled.map((r) => r.id));
    pending = pending.filter((p) => again.has(p.id));
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

/** Retry-After in seconds (Graph sends seconds), or a second when absent. */
function retryAfterMs(response: BatchPart): number {
  const header = Object.entries(response.headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  const seconds = Number(header);
  return (Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, MAX_RETRY_AFTER_SECONDS) : 1) * 1000;
}
