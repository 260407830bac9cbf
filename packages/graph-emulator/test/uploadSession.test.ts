import request from 'supertest';
import { startHarness, type Harness } from './harness';

const KiB320 = 320 * 1024;

describe('Graph emulator: upload sessions and browsing a folder', () => {
  let h: Harness;
  let driveId: string;
  let folderId: string;

  beforeEach(async () => {
    h = startHarness();
    const lib = await h.post(`/sites/${h.siteId()}/lists`, { displayName: 'Case Files', list: { template: 'documentLibrary' } }).expect(201);
    driveId = (await h.get(`/sites/${h.siteId()}/lists/${lib.body.id}/drive`).expect(200)).body.id;
    const rootId = (await h.get(`/drives/${driveId}/root`).expect(200)).body.id;
    folderId = (await h.post(`/drives/${driveId}/items/${rootId}/children`, { name: 'Child C', folder: {} }).expect(201)).body.id;
  });
  afterEach(() => h.close());

  /** The session URL's path and query, for supertest against the app (no bearer token: it is pre-authenticated). */
  const sessionPath = (uploadUrl: string): string => {
    const url = new URL(uploadUrl);
    return `${url.pathname}${url.search}`;
  };
  const putRange = (path: string, bytes: Buffer, first: number, total: number) =>
    request(h.app).put(path).set('Content-Type', 'application/octet-stream').set('Content-Range', `bytes ${first}-${first + bytes.length - 1}/${total}`).send(bytes);

  it('takes a file in 320 KiB multiples, 202 with the next range until the last, then 201 with the item', async () => {
    const file = Buffer.from(Array.from({ length: 2 * KiB320 + 1000 }, (_, i) => i % 251));
    const started = await h.post(`/drives/${driveId}/items/${folderId}:/Scan.pdf:/createUploadSession`, { item: { '@microsoft.graph.conflictBehavior': 'fail' } }).expect(200);
    expect(started.body.nextExpectedRanges).toEqual(['0-']);
    const path = sessionPath(started.body.uploadUrl);
    const first = await putRange(path, file.subarray(0, 2 * KiB320), 0, file.length).expect(202);
    expect(first.body.nextExpectedRanges).toEqual([`${2 * KiB320}-`]);
    expect((await request(h.app).get(path).expect(200)).body.nextExpectedRanges).toEqual([`${2 * KiB320}-`]);
    const last = await putRange(path, file.subarray(2 * KiB320), 2 * KiB320, file.length).expect(201);
    expect(last.body).toMatchObject({ name: 'Scan.pdf', size: file.length, file: { mimeType: 'application/pdf' }, parentReference: { id: folderId } });
    const back = await h.get(`/drives/${driveId}/items/${last.body.id}/content`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(Buffer.compare(back.body as Buffer, file)).toBe(0);
    await request(h.app).get(path).expect(404);
  });

  it('refuses a fragment out of order (416), one not a multiple of 320 KiB (400), and a name taken under fail (409)', async () => {
    await h.put(`/drives/${driveId}/items/${folderId}:/Taken.pdf:/content`, Buffer.from('%PDF-1.4')).expect(201);
    await h.post(`/drives/${driveId}/items/${folderId}:/taken.PDF:/createUploadSession`, { item: { '@microsoft.graph.conflictBehavior': 'fail' } }).expect(409);
    const started = await h.post(`/drives/${driveId}/items/${folderId}:/New.pdf:/createUploadSession`, { item: { '@microsoft.graph.conflictBehavior': 'fail' } }).expect(200);
    const path = sessionPath(started.body.uploadUrl);
    const total = 3 * KiB320;
    expect((await putRange(path, Buffer.alloc(KiB320), KiB320, total).expect(416)).body.error.code).toBe('invalidRange');
    expect((await putRange(path, Buffer.alloc(1000), 0, total).expect(400)).body.error.message).toContain('320 KiB');
    await request(h.app).put(path).send(Buffer.alloc(10)).expect(400);
    await request(h.app).delete(path).expect(204);
    await putRange(path, Buffer.alloc(KiB320), 0, total).expect(404);
  });

  it('a name taken while the session ran is refused at the last fragment under fail; rename files beside it', async () => {
    const failing = await h.post(`/drives/${driveId}/items/${folderId}:/Late.pdf:/createUploadSession`, { item: { '@microsoft.graph.conflictBehavior': 'fail' } }).expect(200);
    const renaming = await h.post(`/drives/${driveId}/items/${folderId}:/Late.pdf:/createUploadSession`, { item: { '@microsoft.graph.conflictBehavior': 'rename' } }).expect(200);
    await h.put(`/drives/${driveId}/items/${folderId}:/Late.pdf:/content`, Buffer.from('first')).expect(201);
    expect((await putRange(sessionPath(failing.body.uploadUrl), Buffer.from('second'), 0, 6).expect(409)).body.error.code).toBe('nameAlreadyExists');
    expect((await putRange(sessionPath(renaming.body.uploadUrl), Buffer.from('third'), 0, 5).expect(201)).body.name).toBe('Late 1.pdf');
  });

  it('fragments meet injected faults: refused before they land (429 with Retry-After), or answered 503 after they landed', async () => {
    const started = await h.post(`/drives/${driveId}/items/${folderId}:/Faulty.pdf:/createUploadSession`, { item: { '@microsoft.graph.conflictBehavior': 'fail' } }).expect(200);
    const path = sessionPath(started.body.uploadUrl);
    const total = 2 * KiB320;
    h.faults.configure({ rate: 1, statuses: [429], retryAfterSeconds: 2 });
    const throttled = await putRange(path, Buffer.alloc(KiB320), 0, total).expect(429);
    expect(throttled.headers['retry-after']).toBe('2');
    expect((await request(h.app).get(path).expect(200)).body.nextExpectedRanges).toEqual(['0-']);
    h.faults.configure({ rate: 0, failAfterCommitRate: 1 });
    await putRange(path, Buffer.alloc(KiB320), 0, total).expect(503);
    expect((await request(h.app).get(path).expect(200)).body.nextExpectedRanges).toEqual([`${KiB320}-`]);
    h.faults.configure({});
    await putRange(path, Buffer.alloc(KiB320), KiB320, total).expect(201);
  });

  it('lists a folder\'s children with $select, a page at a time, with who last changed each', async () => {
    for (const name of ['a.pdf', 'b.pdf', 'c.pdf']) await h.put(`/drives/${driveId}/items/${folderId}:/${name}:/content`, Buffer.from(name)).expect(201);
    await h.post(`/drives/${driveId}/items/${folderId}/children`, { name: 'Sub', folder: {} }).expect(201);
    const select = 'id,name,size,folder,file,lastModifiedBy,lastModifiedDateTime,webUrl,parentReference';
    const page = await h.get(`/drives/${driveId}/items/${folderId}/children?$select=${select}&$top=2`).expect(200);
    expect(page.body.value).toHaveLength(2);
    expect(Object.keys(page.body.value[0]).sort()).toEqual(['file', 'id', 'lastModifiedBy', 'lastModifiedDateTime', 'name', 'parentReference', 'size', 'webUrl']);
    expect(page.body.value[0].lastModifiedBy).toEqual({ application: { id: expect.any(String), displayName: 'Outreach Cases' }, user: { displayName: 'SharePoint App' } });
    const next = new URL(page.body['@odata.nextLink']);
    const rest = await h.get(`${next.pathname.replace('/v1.0', '')}${next.search}`).expect(200);
    expect([...page.body.value, ...rest.body.value].map((c: { name: string }) => c.name)).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'Sub']);
    expect(rest.body['@odata.nextLink']).toBeUndefined();
  });
});
