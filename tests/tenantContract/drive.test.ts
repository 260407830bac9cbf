import { ResponseType } from '@microsoft/microsoft-graph-client';
import { DriveCaseFolders } from '../../graph/drive/caseFolders';
import { DriveTemplateLibrary } from '../../graph/drive/templateLibrary';
import { graphError, json, ReplayGraph, type Seen } from './support/replayGraph';

// The Case Files library: folders (conflictBehavior fail, 409), simple and session uploads, and the PDF behind a 302.
const graph = new ReplayGraph();
beforeAll(() => graph.start());
afterAll(() => graph.stop());
beforeEach(() => graph.reset());

const DRIVE = 'b!CaseFilesDrive0001';
const drivePath = `/drives/${encodeURIComponent(DRIVE)}`;
const CHILD = 'C-7Q4K2M';
const CASE = 'OC-26-0142';
const web = (path: string) => `https://fabrikamlearning.sharepoint.com/sites/outreach/Case%20Files/${path}`;
const folders = () => new DriveCaseFolders(graph.client(), DRIVE);

/**
 * https://learn.microsoft.com/en-us/graph/api/driveitem-post-children: POST …/children { name, folder: {}, "@microsoft.graph.conflictBehavior" }
 * → 201 with createdBy, createdDateTime, eTag, id, lastModifiedBy, lastModifiedDateTime, name, parentReference, size, folder { childCount }:
 * no webUrl ("truncated").
 */
const folderCreated = (id: string, name: string) =>
  json(201, {
    createdBy: { application: { displayName: 'Outreach Cases', id: '0f4e2a6c-9b1d-4c3e-8a7f-5d2b1c0e9a84' } },
    createdDateTime: '2026-11-30T09:30:00Z',
    eTag: `"{${id}},1"`,
    id,
    lastModifiedDateTime: '2026-11-30T09:30:00Z',
    name,
    parentReference: { driveId: DRIVE, id: '01ROOTFOLDER', path: '/drive/root:' },
    size: 0,
    folder: { childCount: 0 },
  });
// https://learn.microsoft.com/en-us/graph/api/driveitem-get: GET /drives/{drive-id}/items/{item-id} ($select answered with what it names).
const itemRead = (id: string, name: string, path: string) => json(200, { '@odata.etag': `"{${id}},1"`, id, name, webUrl: web(path) });
// https://learn.microsoft.com/en-us/graph/api/driveitem-post-children (conflictBehavior fail) and /graph/errors: 409 nameAlreadyExists.
const nameTaken = () => graphError(409, 'nameAlreadyExists', 'Name already exists');

describe('case folders', () => {
  it('a new child: the lookup (404), the child\'s folder and the case\'s (201, no webUrl) in one $batch, the case\'s depending on the child\'s', async () => {
    graph.on('GET', /\/root:\/C-7Q4K2M\/OC-26-0142:\?/, () => graphError(404, 'itemNotFound', 'The resource could not be found.'));
    graph.on('POST', /\/root\/children$/, () => folderCreated('01CHILDFOLDER', CHILD));
    graph.on('POST', /\/root:\/C-7Q4K2M:\/children$/, () => folderCreated('01CASEFOLDER', CASE));
    graph.on('GET', /\/items\/01CASEFOLDER\?\$select=id,name,webUrl$/, () => itemRead('01CASEFOLDER', CASE, `${CHILD}/${CASE}`));
    graph.on('GET', /\/items\/01CHILDFOLDER\?\$select=id,name,webUrl$/, () => itemRead('01CHILDFOLDER', CHILD, CHILD));
    const folder = await folders().ensureCaseFolder(CHILD, CASE);
    expect(folder).toMatchObject({ id: '01CASEFOLDER', webUrl: web(`${CHILD}/${CASE}`) });

    const [envelope] = graph.seen.filter((s) => s.url === '/v1.0/$batch');
    const parts = (envelope?.body as { requests: Array<{ id: string; method: string; url: string; dependsOn?: string[]; body?: unknown }> }).requests;
    const child = parts.find((p) => p.url === `${drivePath}/root/children`);
    const made = parts.find((p) => p.url === `${drivePath}/root:/${CHILD}:/children`);
    expect(child?.body).toEqual({ name: CHILD, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' });
    expect(made?.body).toEqual({ name: CASE, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' });
    expect(made?.dependsOn).toEqual([child?.id]);
    expect(parts.find((p) => p.method === 'GET')?.url).toBe(`${drivePath}/root:/${CHILD}/${CASE}:?$select=id,name,webUrl`);
  });

  it('a second case for the child: 409 nameAlreadyExists on the child\'s folder, the case\'s (424) made on its own', async () => {
    graph.on('GET', /\/root:\/C-7Q4K2M\/OC-26-0150:\?/, () => graphError(404, 'itemNotFound', 'The resource could not be found.'));
    graph.on('POST', /\/root\/children$/, nameTaken);
    graph.on('POST', /\/root:\/C-7Q4K2M:\/children$/, () => folderCreated('01CASEFOLDER2', 'OC-26-0150'));
    graph.on('GET', /\/items\/01CASEFOLDER2\?/, () => itemRead('01CASEFOLDER2', 'OC-26-0150', `${CHILD}/OC-26-0150`));
    const folder = await folders().ensureCaseFolder(CHILD, 'OC-26-0150');
    expect(folder).toMatchObject({ id: '01CASEFOLDER2', webUrl: web(`${CHILD}/OC-26-0150`) });
    const alone = graph.seen.filter((s) => s.via === 'direct' && s.method === 'POST' && s.url.endsWith(`/root:/${CHILD}:/children`));
    expect(alone).toHaveLength(1);
  });
});

describe('uploads', () => {
  const docx = new TextEncoder().encode('PK fictional letter');

  it('uploadOnce: PUT …:/{name}:/content?@microsoft.graph.conflictBehavior=fail; a 409 returns the file already there', async () => {
    // https://learn.microsoft.com/en-us/graph/api/driveitem-put-content: PUT /drives/{drive-id}/items/{parent-id}:/{filename}:/content
    // → 201 with the driveItem (id, name, size, file {}: no webUrl shown). conflictBehavior as a query parameter (driveItem resource page).
    graph.on('PUT', /\/items\/01CASEFOLDER:\/Referral letter\.docx:\/content\?/, () => json(201, { id: '01LETTER', name: 'Referral letter.docx', size: docx.byteLength, file: {} }), 1);
    graph.on('GET', /\/items\/01LETTER\?/, () => itemRead('01LETTER', 'Referral letter.docx', `${CHILD}/${CASE}/Referral%20letter.docx`));
    const filed = await folders().uploadOnce({ id: '01CASEFOLDER', webUrl: web(`${CHILD}/${CASE}`) }, 'Referral letter.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(filed).toEqual({ id: '01LETTER', name: 'Referral letter.docx', webUrl: web(`${CHILD}/${CASE}/Referral%20letter.docx`) });
    const put = graph.calls()[0];
    expect(put?.url).toBe(`/v1.0${drivePath}/items/01CASEFOLDER:/Referral%20letter.docx:/content?@microsoft.graph.conflictBehavior=fail`);
    expect(put?.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(put?.bytes?.toString()).toBe('PK fictional letter');

    graph.reset();
    graph.on('PUT', /\/content\?/, nameTaken);
    graph.on('GET', /\/items\/01CASEFOLDER:\/Referral letter\.docx:\?/, () => itemRead('01LETTER', 'Referral letter.docx', `${CHILD}/${CASE}/Referral%20letter.docx`));
    await expect(folders().uploadOnce({ id: '01CASEFOLDER', webUrl: '' }, 'Referral letter.docx', docx, 'application/octet-stream')).resolves.toMatchObject({ id: '01LETTER', alreadyThere: true });
  });

  it('a file over 4 MB goes in an upload session: fragments PUT without the Graph token, Content-Range each', async () => {
    const big = new Uint8Array(6 * 1024 * 1024).fill(7);
    // https://learn.microsoft.com/en-us/graph/api/driveitem-createuploadsession: POST …:/{filename}:/createUploadSession
    // { item: { "@microsoft.graph.conflictBehavior" } } → 200 { uploadUrl, expirationDateTime }; fragments answer 202
    // { expirationDateTime, nextExpectedRanges }, the last 201 with the driveItem (id, name, size, file: no webUrl shown).
    // "Don't include the Authorization header" on the uploadUrl.
    graph.on('POST', /\/items\/01CASEFOLDER:\/Assessment\.pdf:\/createUploadSession$/, () =>
      json(200, { uploadUrl: `${graph.baseUrl}/upload/session/f3a9c1`, expirationDateTime: '2026-11-30T10:30:00.000Z' }),
    );
    graph.on('PUT', /^\/upload\/session\/f3a9c1$/, () => json(202, { expirationDateTime: '2026-11-30T10:30:00.000Z', nextExpectedRanges: ['5242880-'] }), 1);
    graph.on('PUT', /^\/upload\/session\/f3a9c1$/, () => json(201, { id: '01ASSESSMENT', name: 'Assessment.pdf', size: big.byteLength, file: {} }), 1);
    graph.on('GET', /\/items\/01ASSESSMENT\?/, () => itemRead('01ASSESSMENT', 'Assessment.pdf', `${CHILD}/${CASE}/Assessment.pdf`));
    const filed = await folders().uploadOnce({ id: '01CASEFOLDER', webUrl: '' }, 'Assessment.pdf', big, 'application/pdf');
    expect(filed).toEqual({ id: '01ASSESSMENT', name: 'Assessment.pdf', webUrl: web(`${CHILD}/${CASE}/Assessment.pdf`) });
    const session = graph.calls()[0];
    expect(session?.body).toEqual({ item: { '@microsoft.graph.conflictBehavior': 'fail' } });
    const fragments = graph.seen.filter((s: Seen) => s.url.startsWith('/upload/'));
    expect(fragments.map((f) => f.headers['content-range'])).toEqual(['bytes 0-5242879/6291456', 'bytes 5242880-6291455/6291456']);
    expect(fragments.map((f) => f.headers.authorization)).toEqual([undefined, undefined]);
    expect(fragments.map((f) => f.bytes?.byteLength)).toEqual([5242880, 1048576]);
  });
});

describe('content', () => {
  it('content?format=pdf: a 302 to a pre-authenticated URL, followed without the Graph token', async () => {
    // https://learn.microsoft.com/en-us/graph/api/driveitem-get-content-format: 302 Found, Location a pre-authenticated URL
    // that needs no Authorization header.
    graph.on('GET', /\/items\/01LETTER\/content\?format=pdf$/, () => ({ status: 302, headers: { Location: `${graph.baseUrl}/transform/pdf?tempauth=v1.fictional` } }));
    graph.on('GET', /^\/transform\/pdf\?tempauth=v1\.fictional$/, () => ({ status: 200, headers: { 'Content-Type': 'application/pdf' }, body: Buffer.from('%PDF-1.7 fictional') }));
    const pdf = await folders().pdfOf({ id: '01LETTER', name: 'Referral letter.docx', webUrl: '' });
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 fictional');
    const [asked, followed] = graph.seen;
    expect(asked?.headers.authorization).toBe('Bearer contract-token');
    expect(followed?.url).toBe('/transform/pdf?tempauth=v1.fictional');
    expect(followed?.headers.authorization).toBeUndefined();
  });

  it('a template the Templates library does not hold (404 itemNotFound) is none', async () => {
    // https://learn.microsoft.com/en-us/graph/api/driveitem-get-content: GET /drives/{drive-id}/root:/{path}:/content; /graph/errors for the 404.
    graph.on('GET', /\/root:\/referral-letter\.docx:\/content$/, () => graphError(404, 'itemNotFound', 'The resource could not be found.'));
    await expect(new DriveTemplateLibrary(graph.client(), 'b!TemplatesDrive0002').find('referral-letter.docx')).resolves.toBeUndefined();
  });

  it('a template behind a 302 to another host is fetched without the Graph token', async () => {
    // https://learn.microsoft.com/en-us/graph/api/driveitem-get-content: 302 Found to a pre-authenticated download URL
    // (SharePoint's host), valid a few minutes, which needs no Authorization header.
    graph.on('GET', /\/root:\/referral-letter\.docx:\/content$/, () => ({ status: 302, headers: { Location: `${graph.otherHostUrl}/_layouts/15/download.aspx?UniqueId=7c1d&tempauth=v1.fictional` } }));
    graph.on('GET', /^\/_layouts\/15\/download\.aspx\?/, () => ({ status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: Buffer.from('PK template bytes') }));
    const bytes = await new DriveTemplateLibrary(graph.client(), 'b!TemplatesDrive0002').find('referral-letter.docx');
    expect(Buffer.from(bytes ?? new Uint8Array()).toString()).toBe('PK template bytes');
    const [asked, followed] = graph.seen;
    expect(asked?.headers.authorization).toBe('Bearer contract-token');
    expect(followed?.headers.host).toMatch(/^localhost:/);
    expect(followed?.headers.authorization).toBeUndefined();
  });

  it('two templates asked at once go alone, not in a $batch, and neither download carries the token', async () => {
    // https://learn.microsoft.com/en-us/graph/json-batching: a /content part would be answered { status: 302, headers: { location } },
    // and the client follows a batched part's 302 with the bearer token still on it (the part's answer has no URL to compare
    // hosts with). So file bytes never travel in a batch.
    graph.on('GET', /\/root:\/(a|b)\.docx:\/content$/, (_r, m) => ({ status: 302, headers: { location: `${graph.otherHostUrl}/_layouts/15/download.aspx?f=${m[1] ?? ''}` } }));
    graph.on('GET', /^\/_layouts\/15\/download\.aspx\?f=(a|b)$/, (_r, m) => ({ status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: Buffer.from(`PK ${m[1] ?? ''}`) }));
    const library = new DriveTemplateLibrary(graph.client(), 'b!TemplatesDrive0002');
    const [a, b] = await Promise.all([library.find('a.docx'), library.find('b.docx')]);
    expect([Buffer.from(a ?? []).toString(), Buffer.from(b ?? []).toString()]).toEqual(['PK a', 'PK b']);
    expect(graph.seen.filter((s) => s.via !== 'direct' || s.url === '/v1.0/$batch')).toEqual([]);
    const downloads = graph.seen.filter((s) => s.url.startsWith('/_layouts/'));
    expect(downloads.map((d) => d.headers.authorization)).toEqual([undefined, undefined]);
  });

  it('any two downloads started together go alone: the Graph client never puts a GET …/content in a $batch', async () => {
    // The guard in graph/client/batchingHandler.ts, for a caller that reads bytes through the client itself.
    graph.on('GET', /\/items\/(01A|01B)\/content$/, (_r, m) => ({ status: 302, headers: { location: `${graph.otherHostUrl}/_layouts/15/download.aspx?f=${m[1] ?? ''}` } }));
    graph.on('GET', /^\/_layouts\/15\/download\.aspx\?f=(01A|01B)$/, (_r, m) => ({ status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: Buffer.from(`PK ${m[1] ?? ''}`) }));
    const client = graph.client();
    await Promise.all(['01A', '01B'].map((id) => client.api(`${drivePath}/items/${id}/content`).responseType(ResponseType.ARRAYBUFFER).get()));
    expect(graph.seen.filter((s) => s.url === '/v1.0/$batch')).toEqual([]);
    const downloads = graph.seen.filter((s) => s.url.startsWith('/_layouts/'));
    expect(downloads.map((d) => d.headers.authorization)).toEqual([undefined, undefined]);
  });
});
