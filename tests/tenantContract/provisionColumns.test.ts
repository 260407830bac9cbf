import { provisionSite } from '../../graph/sharepoint/provision';
import { CASE_FILES_LIBRARY, columnsOf, lists, TEMPLATES_LIBRARY } from '../../graph/sharepoint/listDefinitions';
import { schemaFingerprint, SITE_SCHEMA_LIST } from '../../graph/sharepoint/siteSchema';
import { json, ReplayGraph } from './support/replayGraph';

// A site provisioned for older definitions: every list is there, one list lacks a column and an index. Provisioning reads
// the columns (documented columnDefinition shapes), adds what is missing in a $batch, and records the new fingerprint.
const graph = new ReplayGraph();
beforeAll(() => graph.start());
afterAll(() => graph.stop());
beforeEach(() => graph.reset());

const HOST = 'fabrikamlearning.sharepoint.com';
const SITE_ID = `${HOST},5a1f2d6e-8c3b-4e07-9b21-7f0c6d4e3a19,c2e4b6a8-1d3f-4a5c-8e7b-9f0a2c4e6b81`;
const names = [...Object.values(lists).map((l) => l.displayName), CASE_FILES_LIBRARY, TEMPLATES_LIBRARY, SITE_SCHEMA_LIST];
const idOf = (name: string) => `list-${names.indexOf(name)}`;
const casesColumns = columnsOf(lists.cases);
const dropped = casesColumns.at(-1);

/**
 * https://learn.microsoft.com/en-us/graph/api/list-list-columns: value[] of columnDefinition (columnGroup, description,
 * displayName, enforceUniqueValues, hidden, id, indexed, name, readOnly, required and a type facet such as text {…}).
 */
const documentedColumn = (name: string, indexed: boolean) => ({
  columnGroup: 'Custom Columns',
  description: '',
  displayName: name,
  enforceUniqueValues: false,
  hidden: false,
  id: `col-${name}`,
  indexed,
  name,
  readOnly: false,
  required: false,
  text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
});

describe('provisioning a site provisioned for older definitions', () => {
  it('reads every list\'s columns, adds the missing column and index in one $batch, then records the fingerprint', async () => {
    // The check: the marker holds another fingerprint.
    graph.on('GET', /^\/sites\/[^/]+:\/sites\/outreach\?\$select=id$/, () => json(200, { id: SITE_ID }));
    graph.on('GET', /\/sites\/outreach:\/lists\?/, () => json(200, { value: names.map((n) => ({ id: idOf(n), displayName: n })) }));
    graph.on('GET', /\/lists\/SiteSchema\/items\?/, () => json(200, { value: [{ id: '1', fields: { Title: 'fingerprint-of-older-definitions' } }] }));
    // The survey reads the marker by the list's id once it has the lists.
    graph.on('GET', new RegExp(`/lists/${idOf(SITE_SCHEMA_LIST)}/items\\?\\$select=id&\\$expand=fields\\(\\$select=Title\\)`), () => json(200, { value: [{ id: '1', fields: { Title: 'fingerprint-of-older-definitions' } }] }));
    graph.on('GET', /\/lists\/(Case Files|Templates)\/drive\?/, (_r, m) => json(200, { id: `drive-${m[1]?.replace(' ', '') ?? ''}` }));
    // Provisioning: the site by path, its lists by id.
    graph.on('GET', /^\/sites\/[^/]+\/lists\?\$select=id,displayName$/, () => json(200, { value: names.map((n) => ({ id: idOf(n), displayName: n, name: n, list: { hidden: false, template: 'genericList' } })) }));
    graph.on('GET', /^\/sites\/[^/]+\/lists\/([^/]+)\/columns\?\$select=id,name,indexed$/, (_r, m) => {
      const definition = Object.values(lists).find((l) => idOf(l.displayName) === m[1]);
      const columns = definition ? columnsOf(definition) : [];
      if (m[1] !== idOf(lists.cases.displayName)) return json(200, { value: columns.map((c) => ({ id: `col-${c.name}`, name: c.name, indexed: c.indexed ?? false })) });
      // The Cases list: documented shape (extra properties), the last column missing, IdempotencyKey not indexed.
      return json(200, { value: [documentedColumn('Title', false), ...casesColumns.slice(0, -1).map((c) => documentedColumn(c.name, c.name === 'IdempotencyKey' ? false : c.indexed ?? false))] });
    });
    // https://learn.microsoft.com/en-us/graph/api/list-post-columns: 201 with the columnDefinition;
    // https://learn.microsoft.com/en-us/graph/api/columndefinition-update: 200 with the columnDefinition.
    graph.on('POST', /\/lists\/[^/]+\/columns$/, (r) => json(201, { id: 'col-new', ...(r.body as object) }));
    graph.on('PATCH', /\/lists\/[^/]+\/columns\/[^/]+$/, (r) => json(200, { ...documentedColumn('IdempotencyKey', true), ...(r.body as object) }));
    graph.on('GET', /^\/sites\/[^/]+\/lists\/([^/]+)\/drive\?\$select=id$/, (_r, m) => json(200, { id: `drive-${m[1] ?? ''}`, driveType: 'documentLibrary' }));
    graph.on('GET', /\/lists\/[^/]+\/items\?\$select=id,eTag&\$expand=fields\(\$select=Payload,Safeguarding\)/, () => json(200, { value: [] }));
    // https://learn.microsoft.com/en-us/graph/api/listitem-update: 200 with the fieldValueSet.
    graph.on('PATCH', /\/lists\/[^/]+\/items\/1\/fields$/, (r) => json(200, { ...(r.body as object), Modified: '2026-11-30T09:50:00Z' }));

    const site = await provisionSite(graph.client(), { hostname: HOST, path: '/sites/outreach' }, async () => undefined);
    expect(site.listPaths.cases).toBe(`/sites/${SITE_ID}/lists/${idOf('Cases')}`);
    expect(site.caseFilesDriveId).toBe(`drive-${idOf(CASE_FILES_LIBRARY)}`);

    const columnParts = graph.calls().filter((c) => c.url.includes('/columns') && c.method !== 'GET');
    expect(columnParts.map((c) => [c.method, c.url.replace(`/sites/${SITE_ID}/lists/${idOf('Cases')}`, '{cases}'), c.body])).toEqual([
      ['PATCH', '{cases}/columns/col-IdempotencyKey', { indexed: true }],
      ['POST', '{cases}/columns', expect.objectContaining({ name: dropped?.name, indexed: true })],
    ]);
    expect(columnParts.every((c) => c.via !== 'direct')).toBe(true);
    const marker = graph.calls().find((c) => c.method === 'PATCH' && c.url.endsWith('/items/1/fields'));
    expect(marker?.url).toBe(`/v1.0/sites/${SITE_ID}/lists/${idOf(SITE_SCHEMA_LIST)}/items/1/fields`);
    expect(marker?.body).toEqual({ Title: schemaFingerprint() });
  });
});
