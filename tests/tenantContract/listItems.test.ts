import { z } from 'zod';
import { ItemNotFound, UniqueValueTaken, VersionConflict } from '../../workflow';
import type { ListDefinition } from '../../graph/sharepoint/listDefinitions';
import { SharePointListStore } from '../../graph/sharepoint/listStore';
import { graphError, json, ReplayGraph } from './support/replayGraph';

// A list item's read, create and update (If-Match, 412), and paging, replayed from the documented shapes.
const graph = new ReplayGraph();
beforeAll(() => graph.start());
afterAll(() => graph.stop());
beforeEach(() => graph.reset());

const SITE = 'fabrikamlearning.sharepoint.com,5a1f2d6e-8c3b-4e07-9b21-7f0c6d4e3a19,c2e4b6a8-1d3f-4a5c-8e7b-9f0a2c4e6b81';
const LIST = '8b6f2c4e-3d1a-4f9b-a7e5-2c0d9b8a6f13';
const listPath = `/sites/${SITE}/lists/${LIST}`;
const definition: ListDefinition = { displayName: 'Schools', description: 'Referring schools.', indexed: [{ field: 'urn', column: 'Urn', type: 'text', unique: true }], title: 'name' };
const School = z.object({ id: z.string(), urn: z.string(), name: z.string() });
type School = z.infer<typeof School>;
const store = () => new SharePointListStore<School, 'urn'>(graph.client(), listPath, definition, School, () => new Date('2026-11-30T09:00:00Z'));

const payload = (urn: string, name: string) => JSON.stringify({ urn, name });
const etag = (version: number) => `"7d3f0b2a-6c1e-4a8d-b5f2-0e9c8a7d6b51,${version}"`;
const itemsOf = /^\/sites\/[^/]+\/lists\/[^/]+\/items/;

describe('a list item, as the listItem pages document it', () => {
  it('reads an item: extra properties are ignored, the payload column is read from fields', async () => {
    // https://learn.microsoft.com/en-us/graph/api/listitem-get (GET items/{id}?expand=fields(select=…)): the listItem with
    // its fields; with $select=id,eTag (as the adapter asks) the eTag is among the selected properties. `@odata.etag`,
    // `@odata.context` and `fields@odata.context` are what the service adds to every answer.
    graph.on('GET', /\/items\/12\?/, () =>
      json(200, {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#sites('${SITE}')/lists('${LIST}')/items(id,eTag,fields(Payload))/$entity`,
        '@odata.etag': etag(3),
        id: '12',
        eTag: etag(3),
        'fields@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#…/fields/$entity',
        fields: { '@odata.etag': etag(3), Payload: payload('100234', 'Hollowbrook Primary') },
      }),
    );
    const read = await store().get('12');
    expect(read).toEqual({ id: '12', etag: etag(3), urn: '100234', name: 'Hollowbrook Primary' });
    const [call] = graph.calls();
    expect(call?.method).toBe('GET');
    expect(decodeURIComponent(call?.url ?? '')).toBe(`/v1.0${listPath}/items/12?$select=id,eTag&$expand=fields($select=Payload)`);
    expect(call?.headers.authorization).toBe('Bearer contract-token');
  });

  it('a missing item (404 itemNotFound) reads as none', async () => {
    // https://learn.microsoft.com/en-us/graph/errors: the error body; SharePoint's code for a missing item is itemNotFound.
    graph.on('GET', /\/items\/99\?/, () => graphError(404, 'itemNotFound', 'The resource could not be found.'));
    await expect(store().get('99')).resolves.toBeUndefined();
  });

  it('creates an item: the documented 201 carries no eTag and no fields, so the eTag is read back', async () => {
    // https://learn.microsoft.com/en-us/graph/api/listitem-create: request { fields: {…} }; response 201 with id, createdDateTime,
    // createdBy, lastModifiedDateTime, lastModifiedBy ("truncated": the page shows no eTag and no fields).
    graph.on('POST', /\/items$/, () =>
      json(201, {
        id: '20',
        createdDateTime: '2026-11-30T09:00:01Z',
        createdBy: { application: { displayName: 'Outreach Cases', id: '0f4e2a6c-9b1d-4c3e-8a7f-5d2b1c0e9a84' } },
        lastModifiedDateTime: '2026-11-30T09:00:01Z',
        lastModifiedBy: { application: { displayName: 'Outreach Cases', id: '0f4e2a6c-9b1d-4c3e-8a7f-5d2b1c0e9a84' } },
      }),
    );
    graph.on('GET', /\/items\/20\?/, () => json(200, { id: '20', eTag: etag(1), fields: { Payload: payload('100871', 'Marsh Lane Academy') } }));
    const created = await store().create({ urn: '100871', name: 'Marsh Lane Academy' }, 'key-100871');
    expect(created).toEqual({ created: true, item: { id: '20', etag: etag(1), urn: '100871', name: 'Marsh Lane Academy' } });
    const [post] = graph.calls();
    expect(post).toMatchObject({ method: 'POST', url: `/v1.0${listPath}/items` });
    expect(post?.headers['content-type']).toContain('application/json');
    expect(post?.body).toEqual({ fields: { Payload: payload('100871', 'Marsh Lane Academy'), IdempotencyKey: 'key-100871', Title: 'Marsh Lane Academy', Urn: '100871' } });
  });

  it('a create refused by the unique column (409) finds the item the key made, or names the clash', async () => {
    graph.on('POST', /\/items$/, () => graphError(409, 'nameAlreadyExists', 'The list item could not be added: a value in a column that enforces unique values is already in use.'));
    // https://learn.microsoft.com/en-us/graph/api/listitem-list: value[] of listItems with fields (eTag as selected).
    graph.on('GET', itemsOf, () => json(200, { value: [{ id: '21', eTag: etag(2), fields: { Payload: payload('100872', 'Tern Street School') } }] }), 1);
    graph.on('GET', itemsOf, () => json(200, { value: [] }), 1);
    await expect(store().create({ urn: '100872', name: 'Tern Street School' }, 'key-100872')).resolves.toMatchObject({ created: false, item: { id: '21' } });
    const query = decodeURIComponent(graph.calls()[1]?.url ?? '');
    // Filtered on an indexed column only, so no Prefer: HonorNonIndexedQueriesWarningMayFailRandomly is needed (none is sent).
    expect(query).toContain("$filter=fields/IdempotencyKey eq 'key-100872'");
    expect(graph.calls()[1]?.headers.prefer).toBeUndefined();
    await expect(store().create({ urn: '100873', name: 'Quayside School' }, 'key-100873')).rejects.toBeInstanceOf(UniqueValueTaken);
  });

  it('updates with If-Match: the documented 200 is the fieldValueSet alone (no @odata.etag), so the new eTag is read back', async () => {
    const s = store();
    graph.on('GET', /\/items\/12\?/, () => json(200, { id: '12', eTag: etag(3), fields: { Payload: payload('100234', 'Hollowbrook Primary') } }), 1);
    // https://learn.microsoft.com/en-us/graph/api/listitem-update: PATCH items/{id}/fields, optional if-match; 200 with the fieldValueSet.
    graph.on('PATCH', /\/items\/12\/fields$/, (request) => json(200, { ...(request.body as object), Modified: '2026-11-30T09:05:00Z' }));
    graph.on('GET', /\/items\/12\?/, () => json(200, { id: '12', eTag: etag(4), fields: { Payload: payload('100234', 'Hollowbrook Primary School') } }), 1);
    const read = await s.get('12');
    const saved = await s.update('12', { name: 'Hollowbrook Primary School' }, read?.etag ?? '');
    expect(saved).toEqual({ id: '12', etag: etag(4), urn: '100234', name: 'Hollowbrook Primary School' });
    const patch = graph.calls().find((c) => c.method === 'PATCH');
    expect(patch?.url).toBe(`/v1.0${listPath}/items/12/fields`);
    expect(patch?.headers['if-match']).toBe(etag(3));
    expect(patch?.body).toMatchObject({ Payload: payload('100234', 'Hollowbrook Primary School'), Title: 'Hollowbrook Primary School', Urn: '100234' });
  });

  it('a 412 (the eTag moved) becomes VersionConflict; a 404 becomes ItemNotFound', async () => {
    // https://learn.microsoft.com/en-us/graph/api/listitem-update: "412 Precondition Failed … the item will not be updated".
    graph.on('GET', /\/items\/12\?/, () => json(200, { id: '12', eTag: etag(3), fields: { Payload: payload('100234', 'Hollowbrook Primary') } }), 1);
    graph.on('PATCH', /\/items\/12\/fields$/, () => graphError(412, 'resourceModified', 'The request ETag value does not match the object\'s ETag value.'));
    graph.on('GET', /\/items\/12\?/, () => json(200, { id: '12', eTag: etag(5), fields: { Payload: payload('100234', 'Renamed by hand') } }), 1);
    const s = store();
    const read = await s.get('12');
    await expect(s.update('12', { name: 'Mine' }, read?.etag ?? '')).rejects.toBeInstanceOf(VersionConflict);
    graph.reset();
    graph.on('GET', /\/items\/13\?/, () => json(200, { id: '13', eTag: etag(1), fields: { Payload: payload('100235', 'Kiln Hill School') } }), 1);
    graph.on('PATCH', /\/items\/13\/fields$/, () => graphError(404, 'itemNotFound', 'The resource could not be found.'));
    const other = await s.get('13');
    await expect(s.update('13', { name: 'Gone' }, other?.etag ?? '')).rejects.toBeInstanceOf(ItemNotFound);
  });

  it('follows @odata.nextLink as given, to the last page', async () => {
    // https://learn.microsoft.com/en-us/graph/paging: a page with @odata.nextLink (an absolute URL holding $skiptoken); follow it as it is.
    const next = `${graph.baseUrl}/v1.0${listPath}/items?$select=id,eTag&$expand=fields($select=Payload)&$top=500&$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTIw`;
    graph.on('GET', /\$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTIw/, () => json(200, { value: [{ id: '22', eTag: etag(1), fields: { Payload: payload('100900', 'Weir Road School') } }] }));
    graph.on('GET', itemsOf, () =>
      json(200, {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#…/items',
        '@odata.nextLink': next,
        value: [
          { '@odata.etag': etag(2), id: '20', eTag: etag(2), fields: { '@odata.etag': etag(2), Payload: payload('100871', 'Marsh Lane Academy') } },
          { '@odata.etag': etag(1), id: '21', eTag: etag(1), fields: { '@odata.etag': etag(1), Payload: payload('100872', 'Tern Street School') } },
        ],
      }),
    );
    const all = await store().list();
    expect(all.map((i) => i.id)).toEqual(['20', '21', '22']);
    expect(graph.calls().map((c) => c.url)).toEqual([`/v1.0${listPath}/items?$select=id,eTag&$expand=fields($select=Payload)&$top=500`, next.slice(graph.baseUrl.length)]);
    expect(graph.calls()[1]?.headers.authorization).toBe('Bearer contract-token');
  });
});
