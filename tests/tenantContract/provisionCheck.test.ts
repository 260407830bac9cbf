import { SiteAccessDenied } from '../../graph/sharepoint/siteSurvey';
import { provisionSite } from '../../graph/sharepoint/provision';
import { CASE_FILES_LIBRARY, lists, TEMPLATES_LIBRARY } from '../../graph/sharepoint/listDefinitions';
import { schemaFingerprint, SITE_SCHEMA_LIST } from '../../graph/sharepoint/siteSchema';
import { graphError, json, ReplayGraph, type Seen } from './support/replayGraph';

// Provisioning's start-up check (provisionedFor): one $batch reading the site by path, its lists, the SiteSchema
// marker and both libraries' drives, replayed from the documented shapes. A throttled part is sent again after its Retry-After.
const graph = new ReplayGraph();
beforeAll(() => graph.start());
afterAll(() => graph.stop());
beforeEach(() => graph.reset());

const HOST = 'fabrikamlearning.sharepoint.com';
const SITE_PATH = '/sites/outreach';
const SITE_ID = `${HOST},5a1f2d6e-8c3b-4e07-9b21-7f0c6d4e3a19,c2e4b6a8-1d3f-4a5c-8e7b-9f0a2c4e6b81`;
const names = [...Object.values(lists).map((l) => l.displayName), CASE_FILES_LIBRARY, TEMPLATES_LIBRARY, SITE_SCHEMA_LIST];
const listId = (name: string) => `0000${names.indexOf(name).toString(16).padStart(4, '0')}-4c2d-4e8a-9b1f-6d3c2a1e0f${String(names.indexOf(name)).padStart(2, '0')}`;

/**
 * https://learn.microsoft.com/en-us/graph/api/list-list: value[] of lists (id, name, createdDateTime, lastModifiedDateTime,
 * list { hidden, template }). The page's example shows no displayName; the adapter asks $select=id,displayName, and a
 * $select is answered with what it names, so displayName is here and the unselected properties are not.
 */
const listEntry = (name: string) => ({ '@odata.etag': `"${listId(name)},4"`, id: listId(name), displayName: name });

function scriptSite(throttleLists: boolean): void {
  // https://learn.microsoft.com/en-us/graph/api/site-getbypath: GET /sites/{hostname}:/{server-relative-path}; the site's id is
  // "{hostname},{site-collection-id},{web-id}" (https://learn.microsoft.com/en-us/graph/api/resources/site).
  graph.on('GET', /^\/sites\/fabrikamlearning\.sharepoint\.com:\/sites\/outreach\?\$select=id$/, () =>
    json(200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#sites(id)/$entity', id: SITE_ID }),
  );
  if (throttleLists) {
    // https://learn.microsoft.com/en-us/graph/throttling: 429 Too Many Requests with Retry-After (seconds); inside a $batch
    // each part is evaluated on its own and carries its own Retry-After (https://learn.microsoft.com/en-us/graph/json-batching).
    graph.on('GET', /\/sites\/outreach:\/lists\?/, () => graphError(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': '7' }), 1);
  }
  const half = Math.ceil(names.length / 2);
  graph.on('GET', /\/sites\/outreach:\/lists\?/, () =>
    json(200, { '@odata.nextLink': `${graph.baseUrl}/v1.0/sites/${SITE_ID}/lists?$select=id,displayName&$skiptoken=UGFnZWQ9VFJVRQ`, value: names.slice(0, half).map(listEntry) }),
  );
  graph.on('GET', /\/lists\?\$select=id,displayName&\$skiptoken=UGFnZWQ9VFJVRQ$/, () => json(200, { value: names.slice(half).map(listEntry) }));
  // https://learn.microsoft.com/en-us/graph/api/listitem-list: the marker item, its fields expanded (Title only, as selected).
  graph.on('GET', /\/lists\/SiteSchema\/items\?/, () =>
    json(200, { value: [{ '@odata.etag': '"a1b2c3d4-0000-4000-8000-000000000001,2"', id: '1', 'fields@odata.context': '…', fields: { '@odata.etag': '"a1b2c3d4-0000-4000-8000-000000000001,2"', Title: schemaFingerprint() } }] }),
  );
  // https://learn.microsoft.com/en-us/graph/api/drive-get (GET /sites/{site-id}/lists/{list-id}/drive): a drive; documented
  // with driveType, owner and quota besides id (the adapter selects id only, and takes what comes).
  for (const [library, id] of [[CASE_FILES_LIBRARY, 'b!CaseFilesDrive0001'], [TEMPLATES_LIBRARY, 'b!TemplatesDrive0002']] as const) {
    graph.on('GET', new RegExp(`/lists/${library}/drive\\?`), () => json(200, { id, driveType: 'documentLibrary', owner: { group: { displayName: 'Outreach Service' } } }));
  }
}

const batchParts = (): Seen[] => graph.seen.filter((s) => s.via !== 'direct');

describe('provisioning\'s check of a provisioned site', () => {
  it('reads the site by path, every list over two pages, the marker and both drives in one $batch', async () => {
    scriptSite(false);
    const waits: number[] = [];
    const site = await provisionSite(graph.client(), { hostname: HOST, path: SITE_PATH }, async (ms) => void waits.push(ms));
    expect(site.siteId).toBe(SITE_ID);
    expect(site.listPaths.cases).toBe(`/sites/${SITE_ID}/lists/${listId(lists.cases.displayName)}`);
    expect(site.listPaths.audit).toBe(`/sites/${SITE_ID}/lists/${listId(lists.audit.displayName)}`);
    expect(site).toMatchObject({ caseFilesDriveId: 'b!CaseFilesDrive0001', templatesDriveId: 'b!TemplatesDrive0002' });
    expect(waits).toEqual([]);

    const outer = graph.seen.filter((s) => s.url === '/v1.0/$batch');
    expect(outer).toHaveLength(1);
    expect(outer[0]?.method).toBe('POST');
    expect(outer[0]?.headers['content-type']).toContain('application/json');
    expect(outer[0]?.headers.authorization).toBe('Bearer contract-token');
    expect(outer[0]?.headers['user-agent']).toBe('NONISV|Fictional Outreach|OutreachCases/contract');
    expect(batchParts().map((p) => `${p.method} ${p.url}`)).toEqual([
      `GET /sites/${HOST}:${SITE_PATH}?$select=id`,
      `GET /sites/${HOST}:${SITE_PATH}:/lists?$select=id,displayName`,
      `GET /sites/${HOST}:${SITE_PATH}:/lists/SiteSchema/items?$select=id&$expand=fields($select=Title)&$top=1`,
      `GET /sites/${HOST}:${SITE_PATH}:/lists/Case%20Files/drive?$select=id`,
      `GET /sites/${HOST}:${SITE_PATH}:/lists/Templates/drive?$select=id`,
    ]);
    // The second page is the nextLink as Graph gave it, on its own.
    expect(graph.calls().at(-1)?.url).toBe(`/v1.0/sites/${SITE_ID}/lists?$select=id,displayName&$skiptoken=UGFnZWQ9VFJVRQ`);
  });

  it('a part throttled with 429 inside the batch is sent again alone, after its Retry-After', async () => {
    scriptSite(true);
    const waits: number[] = [];
    const site = await provisionSite(graph.client(), { hostname: HOST, path: SITE_PATH }, async (ms) => void waits.push(ms));
    expect(site.siteId).toBe(SITE_ID);
    expect(waits).toEqual([7000]);
    const envelopes = graph.seen.filter((s) => s.url === '/v1.0/$batch');
    expect(envelopes).toHaveLength(2);
    expect((envelopes[1]?.body as { requests: Array<{ id: string; url: string }> }).requests).toEqual([
      expect.objectContaining({ id: 'lists', url: `${`/sites/${HOST}:${SITE_PATH}:`}/lists?$select=id,displayName` }),
    ]);
  });

  it('a site the app has no grant on (403 accessDenied, Sites.Selected) fails with Graph\'s status and code', async () => {
    // https://learn.microsoft.com/en-us/graph/errors: 403 with the error body; the SharePoint code is accessDenied.
    graph.on('GET', /./, () => graphError(403, 'accessDenied', 'Access denied'));
    const error = await provisionSite(graph.client(0), { hostname: HOST, path: SITE_PATH }, async () => undefined).catch((e: unknown) => e);
    // Named for the admin: which site, and what to run.
    expect(error).toBeInstanceOf(SiteAccessDenied);
    expect((error as Error).message).toBe(`no site permission for this app on ${HOST}${SITE_PATH}: run npm run provision`);
  });

  it('a site given by id (SITE_ID) is read as /sites/{id}, its lists under it', async () => {
    // https://learn.microsoft.com/en-us/graph/api/site-get: GET /sites/{site-id}, the id "{hostname},{spsite-id},{spweb-id}".
    graph.on('GET', /^\/sites\/[^/:]+\?\$select=id$/, () => json(200, { id: SITE_ID, displayName: 'Outreach', name: 'outreach', webUrl: `https://${HOST}${SITE_PATH}`, createdDateTime: '2025-09-01T08:00:00Z' }));
    graph.on('GET', /^\/sites\/[^/:]+\/lists\?\$select=id,displayName$/, () => json(200, { value: names.map(listEntry) }));
    graph.on('GET', /\/lists\/SiteSchema\/items\?/, () => json(200, { value: [{ id: '1', fields: { Title: schemaFingerprint() } }] }));
    graph.on('GET', /\/lists\/(Case Files|Templates)\/drive\?/, (_r, m) => json(200, { id: `drive-${m[1] ?? ''}` }));
    const site = await provisionSite(graph.client(), { siteId: SITE_ID }, async () => undefined);
    expect(site.listPaths.staff).toBe(`/sites/${SITE_ID}/lists/${listId(lists.staff.displayName)}`);
    expect(batchParts().map((p) => p.url)).toEqual([
      `/sites/${SITE_ID}?$select=id`,
      `/sites/${SITE_ID}/lists?$select=id,displayName`,
      `/sites/${SITE_ID}/lists/SiteSchema/items?$select=id&$expand=fields($select=Title)&$top=1`,
      `/sites/${SITE_ID}/lists/Case%20Files/drive?$select=id`,
      `/sites/${SITE_ID}/lists/Templates/drive?$select=id`,
    ]);
  });
});
