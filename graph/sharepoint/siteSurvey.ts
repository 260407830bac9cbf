import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { CASE_FILES_LIBRARY, columnsOf, lists, TEMPLATES_LIBRARY } from './listDefinitions';
import { runBatch, runBatches, sleep, type BatchPart, type BatchRequest, type Wait } from './siteBatch';
import { schemaFingerprint, SITE_SCHEMA_LIST } from './siteSchema';

/** The site by id, or by host name and server-relative path (e.g. /sites/outreach). */
export type SiteAddress = { siteId: string } | { hostname: string; path: string };

/** One thing the product needs on the site that is not there. */
export type MissingPiece =
  | { kind: 'list'; list: string }
  | { kind: 'library'; list: string }
  | { kind: 'column'; list: string; column: string }
  | { kind: 'index'; list: string; column: string };

export interface SurveyedColumn { id: string; name: string; indexed?: boolean | undefined }

/** What is on the site, as far as the product's lists go, and what is missing. */
export interface SiteSurvey {
  siteId: string;
  /** Display name to list id, for every list and library the site has. */
  listIds: Map<string, string>;
  /** The columns of each of the product's lists that exists (by display name). */
  columns: Map<string, SurveyedColumn[]>;
  drives: { caseFiles?: string; templates?: string };
  /** The SiteSchema item: its id, and whether it holds the current definitions' fingerprint. */
  schemaItem?: { id: string; current: boolean };
  missing: MissingPiece[];
}

/** The site answered 403: the app has no permission on it (Sites.Selected without a site grant). */
export class SiteAccessDenied extends Error {
  override readonly name = 'SiteAccessDenied';
  constructor(readonly site: string) {
    super(`no site permission for this app on ${site}: run npm run provision`);
  }
}

const Site = z.object({ id: z.string() });
export const ListsPage = z.object({ value: z.array(z.object({ id: z.string(), displayName: z.string() })), '@odata.nextLink': z.string().optional() });
const Columns = z.object({ value: z.array(z.object({ id: z.string(), name: z.string(), indexed: z.boolean().optional() })) });
const Drive = z.object({ id: z.string() });
const SchemaItems = z.object({ value: z.array(z.object({ id: z.string(), fields: z.object({ Title: z.string().nullish() }).optional() })) });

/** `/sites/{id}` or `/sites/{host}:{path}`. */
export const siteUrlOf = (address: SiteAddress): string => ('siteId' in address ? `/sites/${address.siteId}` : `/sites/${address.hostname}:${address.path}`);

export const describeMissing = (piece: MissingPiece): string =>
  piece.kind === 'list' ? `list ${piece.list}` : piece.kind === 'library' ? `library ${piece.list}` : piece.kind === 'column' ? `column ${piece.list}.${piece.column}` : `index on ${piece.list}.${piece.column}`;

/**
 * Reads the site in two or three `$batch` round trips (site and lists; then every list's columns,
 * the libraries' drives and the SiteSchema item) and names every list, library, column and index
 * the definitions ask for that is not there. Creates nothing: the app uses it at start in a tenant
 * (it may only write items), `npm run provision` plans from it.
 */
export async function surveySite(client: Client, address: SiteAddress, wait: Wait = sleep): Promise<SiteSurvey> {
  const siteUrl = siteUrlOf(address);
  const first = await runBatch(client, [
    { id: 'site', method: 'GET', url: `${siteUrl}?$select=id` },
    { id: 'lists', method: 'GET', url: `${'siteId' in address ? siteUrl : `${siteUrl}:`}/lists?$select=id,displayName` },
  ], wait);
  const siteAnswer = first.get('site');
  if (siteAnswer?.status === 403 || siteAnswer?.status === 401) throw new SiteAccessDenied('siteId' in address ? address.siteId : `${address.hostname}${address.path}`);
  const site = Site.parse(bodyOf(siteAnswer, 'the site'));
  const listIds = await allLists(client, ListsPage.parse(bodyOf(first.get('lists'), 'the site\'s lists')));
  const sitePath = `/sites/${site.id}`;
  const wanted = Object.values(lists);
  const requests: BatchRequest[] = [];
  for (const definition of wanted) {
    const id = listIds.get(definition.displayName);
    if (id) requests.push({ id: `columns:${definition.displayName}`, method: 'GET', url: `${sitePath}/lists/${id}/columns?$select=id,name,indexed` });
  }
  for (const library of [CASE_FILES_LIBRARY, TEMPLATES_LIBRARY]) {
    const id = listIds.get(library);
    if (id) requests.push({ id: `drive:${library}`, method: 'GET', url: `${sitePath}/lists/${id}/drive?$select=id` });
  }
  const schemaListId = listIds.get(SITE_SCHEMA_LIST);
  if (schemaListId) requests.push({ id: 'schema', method: 'GET', url: `${sitePath}/lists/${schemaListId}/items?$select=id&$expand=fields($select=Title)&$top=1` });
  const answers = await runBatches(client, requests, wait);

  const missing: MissingPiece[] = [];
  const columns = new Map<string, SurveyedColumn[]>();
  for (const definition of wanted) {
    if (!listIds.has(definition.displayName)) {
      missing.push({ kind: 'list', list: definition.displayName });
      continue;
    }
    const have = Columns.parse(bodyOf(answers.get(`columns:${definition.displayName}`), `the columns of ${definition.displayName}`)).value;
    columns.set(definition.displayName, have);
    for (const column of columnsOf(definition)) {
      const found = have.find((c) => c.name === column.name);
      if (!found) missing.push({ kind: 'column', list: definition.displayName, column: column.name });
      else if (column.indexed && !found.indexed) missing.push({ kind: 'index', list: definition.displayName, column: column.name });
    }
  }
  for (const library of [CASE_FILES_LIBRARY, TEMPLATES_LIBRARY]) if (!listIds.has(library)) missing.push({ kind: 'library', list: library });
  if (!schemaListId) missing.push({ kind: 'list', list: SITE_SCHEMA_LIST });
  const drive = (library: string) => Drive.safeParse(answers.get(`drive:${library}`)?.body).data?.id;
  const caseFiles = drive(CASE_FILES_LIBRARY);
  const templates = drive(TEMPLATES_LIBRARY);
  const item = SchemaItems.safeParse(answers.get('schema')?.body).data?.value[0];
  return {
    siteId: site.id,
    listIds,
    columns,
    drives: { ...(caseFiles ? { caseFiles } : {}), ...(templates ? { templates } : {}) },
    ...(item ? { schemaItem: { id: item.id, current: item.fields?.Title === schemaFingerprint() } } : {}),
    missing,
  };
}

/** A part's body when it succeeded; otherwise an error naming what could not be read and Graph's status. */
function bodyOf(part: BatchPart | undefined, what: string): unknown {
  if (part && part.status >= 200 && part.status < 300) return part.body;
  const error = z.object({ error: z.object({ code: z.string().optional() }) }).safeParse(part?.body).data?.error.code;
  throw Object.assign(new Error(`Reading ${what} failed (${part?.status ?? 'no answer'}${error ? ` ${error}` : ''})`), { statusCode: part?.status, code: error });
}

/** Display name to id, over the first page and those its nextLink leads to. */
export async function allLists(client: Client, first: z.infer<typeof ListsPage>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let page = first;
  for (;;) {
    for (const l of page.value) found.set(l.displayName, l.id);
    if (!page['@odata.nextLink']) return found;
    page = ListsPage.parse(await client.api(page['@odata.nextLink']).get());
  }
}
