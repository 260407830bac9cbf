import request from 'supertest';
import { casesListBody, sitePath, startHarness, type Harness } from './harness';

describe('Graph emulator: sites, lists, columns and items', () => {
  let h: Harness;
  let listId: string;
  const items = (): string => `/sites/${h.siteId()}/lists/${listId}/items`;

  beforeEach(async () => {
    h = startHarness();
    const created = await h.post(`/sites/${h.siteId()}/lists`, casesListBody).expect(201);
    listId = created.body.id;
  });
  afterEach(() => h.close());

  it('resolves the default site by hostname and path, and by id, honouring $select', async () => {
    const byPath = await h.get(`${sitePath}?$select=id,displayName`).expect(200);
    expect(byPath.body.id).toBe(h.siteId());
    expect(byPath.body.displayName).toBe('Outreach');
    expect(byPath.body.webUrl).toBeUndefined();
    const byId = await h.get(`/sites/${h.siteId()}`).expect(200);
    expect(byId.body.webUrl).toBe('https://outreach.example.sharepoint.com/sites/outreach');
  });

  it('answers 404 itemNotFound for an unknown site path', async () => {
    const res = await h.get('/sites/outreach.example.sharepoint.com:/sites/nowhere').expect(404);
    expect(res.body.error.code).toBe('itemNotFound');
    expect(res.body.error.innerError['request-id']).toBe(res.headers['request-id']);
  });

  it('provisions a list with indexed and unique columns and shows them with $expand=columns, also by display name', async () => {
    const res = await h.get(`${sitePath}:/lists/Cases?$expand=columns`).expect(200);
    expect(res.body.id).toBe(listId);
    expect(res.body.list.template).toBe('genericList');
    const key = res.body.columns.find((c: { name: string }) => c.name === 'CaseKey');
    expect(key).toMatchObject({ indexed: true, enforceUniqueValues: true, text: expect.objectContaining({ maxLength: 255 }) });
    expect(res.body.columns.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['Title', 'Status', 'Note']));
  });

  it('refuses a second list with the same name with 409', async () => {
    const res = await h.post(`/sites/${h.siteId()}/lists`, casesListBody).expect(409);
    expect(res.body.error.code).toBe('nameAlreadyExists');
  });

  it('refuses enforceUniqueValues on a column that is not indexed', async () => {
    const res = await h.post(`/sites/${h.siteId()}/lists/${listId}/columns`, { name: 'Ref', text: {}, enforceUniqueValues: true }).expect(400);
    expect(res.body.error.message).toMatch(/indexed/);
  });

  it('adds a column and indexes it later with PATCH', async () => {
    const col = await h.post(`/sites/${h.siteId()}/lists/${listId}/columns`, { name: 'School', text: {} }).expect(201);
    expect(col.body.indexed).toBe(false);
    const patched = await h.patch(`/sites/${h.siteId()}/lists/${listId}/columns/${col.body.id}`, { indexed: true }).expect(200);
    expect(patched.body.indexed).toBe(true);
  });

  it('creates an item, reads it back with fields, and updates it with a matching ETag', async () => {
    const created = await h.post(items(), { fields: { Title: 'First', CaseKey: 'K-1', Status: 'Open', Score: '7', Opened: '2026-01-10T08:00:00Z', Urgent: true } }).expect(201);
    expect(created.body.id).toBe('1');
    expect(created.body.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(created.body.fields).toMatchObject({ Title: 'First', CaseKey: 'K-1', Score: 7, Urgent: true, '@odata.etag': created.body.eTag });
    const got = await h.get(`${items()}/1?$expand=fields($select=CaseKey,Status)`).expect(200);
    expect(got.body.fields).toEqual({ '@odata.etag': created.body.eTag, CaseKey: 'K-1', Status: 'Open' });

    h.clock.set(new Date('2026-01-12T10:00:00Z'), true);
    const updated = await h.patch(`${items()}/1/fields`, { Status: 'Closed' }).set('If-Match', created.body.eTag).expect(200);
    expect(updated.body.Status).toBe('Closed');
    expect(updated.body['@odata.etag']).toMatch(/,2"$/);
    expect(updated.body.Modified).toBe('2026-01-12T10:00:00Z');
    expect(updated.body.Created).toBe('2026-01-12T09:00:00Z');
  });

  it('answers 412 when If-Match carries an old ETag, and leaves the item unchanged', async () => {
    const created = await h.post(items(), { fields: { CaseKey: 'K-1', Status: 'Open' } }).expect(201);
    await h.patch(`${items()}/1/fields`, { Status: 'Closed' }).set('If-Match', created.body.eTag).expect(200);
    const stale = await h.patch(`${items()}/1/fields`, { Status: 'Open' }).set('If-Match', created.body.eTag).expect(412);
    expect(stale.body.error.code).toBe('preconditionFailed');
    const now = await h.get(`${items()}/1/fields`).expect(200);
    expect(now.body.Status).toBe('Closed');
    await h.del(`${items()}/1`).set('If-Match', created.body.eTag).expect(412);
  });

  it('deletes an item', async () => {
    await h.post(items(), { fields: { CaseKey: 'K-1' } }).expect(201);
    await h.del(`${items()}/1`).expect(204);
    await h.get(`${items()}/1`).expect(404);
  });

  it('audit entries are records: an AuditLog item can be added and read, never changed or deleted (403)', async () => {
    const audit = await h.post(`/sites/${h.siteId()}/lists`, { displayName: 'AuditLog', columns: [{ name: 'Action', text: {} }], list: { template: 'genericList' } }).expect(201);
    const entries = `/sites/${h.siteId()}/lists/${audit.body.id}/items`;
    const created = await h.post(entries, { fields: { Action: 'read' } }).expect(201);
    const patched = await h.patch(`${entries}/1/fields`, { Action: 'changed' }).set('If-Match', created.body.eTag).expect(403);
    expect(patched.body.error).toMatchObject({ code: 'accessDenied', message: expect.stringMatching(/records: they cannot be updated/) });
    await h.del(`${entries}/1`).expect(403);
    const kept = await h.get(`${entries}/1/fields`).expect(200);
    expect(kept.body.Action).toBe('read');
  });

  it('refuses a duplicate value in a unique column with 409, on create and on update (case-insensitively)', async () => {
    await h.post(items(), { fields: { CaseKey: 'K-1' } }).expect(201);
    const dup = await h.post(items(), { fields: { CaseKey: 'k-1' } }).expect(409);
    expect(dup.body.error.message).toMatch(/duplicate values.*CaseKey/);
    await h.post(items(), { fields: { CaseKey: 'K-2' } }).expect(201);
    await h.patch(`${items()}/2/fields`, { CaseKey: 'K-1' }).expect(409);
    await h.patch(`${items()}/1/fields`, { CaseKey: 'K-1', Status: 'Open' }).expect(200);
  });

  it('refuses an unknown field loudly, naming the field and the list', async () => {
    const res = await h.post(items(), { fields: { CaseKey: 'K-1', Colour: 'red' } }).expect(400);
    expect(res.body.error.message).toContain("'Colour'");
    expect(res.body.error.message).toContain("'Cases'");
    expect(h.store.items.count(listId)).toBe(0);
  });

  it('refuses values of the wrong type and choices that are not offered', async () => {
    await h.post(items(), { fields: { Score: 'seven' } }).expect(400);
    await h.post(items(), { fields: { Status: 'Pending' } }).expect(400);
    await h.post(items(), { fields: { Opened: 'yesterday' } }).expect(400);
    await h.post(items(), { fields: { Created: '2020-01-01T00:00:00Z' } }).expect(400);
  });

  it('refuses query options it does not implement, by name', async () => {
    const res = await h.get(`${items()}?$search=abc`).expect(400);
    expect(res.body.error.message).toContain('$search');
    await h.get(`/sites/${h.siteId()}?$filter=name eq 'x'`).expect(400);
  });

  it('passes every request through the metadata checker and answers its refusal with 400', async () => {
    const res = await h.get(`/sites/${h.siteId()}/bogusSegment`).expect(400);
    expect(res.body.error.message).toContain('bogusSegment');
    const body = await h.post(items(), { fields: { CaseKey: 'K-9' }, notAGraphProperty: 1 }).expect(400);
    expect(body.body.error.message).toContain('notAGraphProperty');
    expect(h.checker.seen.some((r) => r.method === 'POST' && r.path.endsWith('/items'))).toBe(true);
  });

  it('answers 401 InvalidAuthenticationToken without the bearer token, also on the controls', async () => {
    const none = await request(h.app).get(`/v1.0/sites/${h.siteId()}`).expect(401);
    expect(none.body.error.code).toBe('InvalidAuthenticationToken');
    await request(h.app).get(`/v1.0/sites/${h.siteId()}`).set('Authorization', 'Bearer wrong').expect(401);
    await request(h.app).post('/_emulator/reset').expect(401);
  });
});
