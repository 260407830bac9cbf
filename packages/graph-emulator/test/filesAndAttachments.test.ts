import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { documentPdf, pdfText, pdfTextLines } from '../src';
import { minimalDocx } from './fixtures/docx';
import { startHarness, type Harness } from './harness';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('Graph emulator: files as PDF, conflict behaviour and webUrl', () => {
  let h: Harness;
  let driveId: string;
  let folderId: string;

  const start = async (filesWebBase?: string) => {
    h = startHarness(new Date('2026-01-12T09:00:00Z'), filesWebBase ? { filesWebBase } : {});
    const lib = await h.post(`/sites/${h.siteId()}/lists`, { displayName: 'Case Files', list: { template: 'documentLibrary' } }).expect(201);
    driveId = (await h.get(`/sites/${h.siteId()}/lists/${lib.body.id}/drive`).expect(200)).body.id;
    const root = (await h.get(`/drives/${driveId}/root`).expect(200)).body.id;
    folderId = (await h.post(`/drives/${driveId}/items/${root}/children`, { name: 'Child C', folder: {} }).expect(201)).body.id;
  };
  const upload = async (name: string, content: Buffer) => (await h.put(`/drives/${driveId}/items/${folderId}:/${encodeURIComponent(name)}:/content`, content).expect(201)).body as { id: string; webUrl: string };
  afterEach(() => h.close());

  it('content?format=pdf answers 302 to a URL that needs no token and serves a PDF of the document\'s paragraphs and table cells, in order', async () => {
    await start();
    const docx = await minimalDocx(['End of outreach report', 'Café visit on Tuesday, “calm” – settled', 'Ünïcödé: Ελληνικά'], [['Target', 'Met'], ['Attendance', 'Partly']]);
    const file = await upload('Report OC-1.docx', docx);
    const redirect = await h.get(`/drives/${driveId}/items/${file.id}/content?format=pdf`).redirects(0).expect(302);
    const location = new URL(redirect.headers.location as string);
    expect(location.pathname).toBe('/_layouts/15/download.aspx');
    // No Authorization header: the URL is the authorisation.
    const pdf = await request(h.app).get(`${location.pathname}${location.search}`).buffer(true).parse(binary).expect(200).expect('content-type', 'application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfTextLines(bytes)).toEqual(['End of outreach report', 'Café visit on Tuesday, “calm” – settled', 'Ünïcödé: ????????', 'Target', 'Met', 'Attendance', 'Partly']);
  });

  it('a long document is wrapped and runs onto more pages, every word kept', async () => {
    await start();
    const long = Array.from({ length: 1500 }, (_, i) => `word${i}`).join(' ');
    const result = await documentPdf('Notes.txt', Buffer.from(long));
    if (!('pdf' in result)) throw new Error(result.unsupported);
    expect(pdfText(result.pdf)).toBe(long);
    expect((await PDFDocument.load(result.pdf)).getPageCount()).toBeGreaterThan(1);
  });

  it('the download URL stops working after a few minutes, and an unknown one never works', async () => {
    await start();
    const file = await upload('Notes.txt', Buffer.from('Observation notes'));
    const redirect = await h.get(`/drives/${driveId}/items/${file.id}/content?format=pdf`).redirects(0).expect(302);
    const location = new URL(redirect.headers.location as string);
    await request(h.app).get(`${location.pathname}${location.search}`).expect(200);
    h.clock.set(new Date('2026-01-12T09:06:00Z'), true);
    const expired = await request(h.app).get(`${location.pathname}${location.search}`).expect(401);
    expect(expired.body.error.code).toBe('unauthenticated');
    await request(h.app).get('/_layouts/15/download.aspx?tempauth=made-up').expect(401);
  });

  it('a PDF converts to itself; a file that cannot be converted answers 400 in Graph\'s error shape', async () => {
    await start();
    const original = Buffer.from('%PDF-1.7\n% a tiny pdf\n');
    const pdf = await upload('Letter.pdf', original);
    const redirect = await h.get(`/drives/${driveId}/items/${pdf.id}/content?format=pdf`).redirects(0).expect(302);
    const location = new URL(redirect.headers.location as string);
    const served = await request(h.app).get(`${location.pathname}${location.search}`).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(served.body as Buffer, original)).toBe(0);
    const image = await upload('Drawing.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const refused = await h.get(`/drives/${driveId}/items/${image.id}/content?format=pdf`).redirects(0).expect(400);
    expect(refused.body.error).toMatchObject({ code: 'notSupported', innerError: { 'request-id': expect.any(String) } });
    const broken = await upload('Broken.docx', Buffer.from('not a zip'));
    await h.get(`/drives/${driveId}/items/${broken.id}/content?format=pdf`).redirects(0).expect(400);
    await h.get(`/drives/${driveId}/items/${pdf.id}/content?format=html`).redirects(0).expect(400);
  });

  it('PUT content with conflictBehavior=fail answers 409 nameAlreadyExists and keeps the first file', async () => {
    await start();
    await h.put(`/drives/${driveId}/items/${folderId}:/Contract.txt:/content?@microsoft.graph.conflictBehavior=fail`, Buffer.from('first')).expect(201);
    const again = await h.put(`/drives/${driveId}/items/${folderId}:/contract.TXT:/content?@microsoft.graph.conflictBehavior=fail`, Buffer.from('second')).expect(409);
    expect(again.body.error.code).toBe('nameAlreadyExists');
    const back = await h.get(`/drives/${driveId}/items/${folderId}:/Contract.txt:/content`).buffer(true).parse(binary).expect(200);
    expect((back.body as Buffer).toString()).toBe('first');
  });

  it('webUrl is a SharePoint address by default, the app\'s viewer when filesWebBase is set', async () => {
    await start();
    const plain = await upload('Notes.txt', Buffer.from('x'));
    expect(plain.webUrl).toMatch(/^https:\/\/.+\/sites\/.+\/Child%20C\/Notes\.txt$/);
    h.close();
    await start('http://127.0.0.1:3978/demo/files/');
    const viewer = await upload('Notes.txt', Buffer.from('x'));
    expect(viewer.webUrl).toBe(`http://127.0.0.1:3978/demo/files/${encodeURIComponent(driveId)}/${viewer.id}`);
    const folder = await h.get(`/drives/${driveId}/items/${folderId}`).expect(200);
    expect(folder.body.webUrl).toBe(`http://127.0.0.1:3978/demo/files/${encodeURIComponent(driveId)}/${folderId}`);
  });

  it('filesWebBase can be set and cleared through the controls', async () => {
    await start();
    await h.put('/_emulator/files-web', JSON.stringify({ filesWebBase: 'http://127.0.0.1:4000/demo/files' }), 'application/json').expect(200);
    const file = await upload('Notes.txt', Buffer.from('x'));
    expect(file.webUrl).toBe(`http://127.0.0.1:4000/demo/files/${encodeURIComponent(driveId)}/${file.id}`);
    await h.put('/_emulator/files-web', JSON.stringify({ filesWebBase: null }), 'application/json').expect(200);
    expect((await h.get(`/drives/${driveId}/items/${file.id}`).expect(200)).body.webUrl).toMatch(/^https:\/\//);
    await h.put('/_emulator/files-web', JSON.stringify({ filesWebBase: 'javascript:alert(1)' }), 'application/json').expect(400);
  });
});

describe('Graph emulator: sent mail keeps its attachments', () => {
  let h: Harness;
  const sender = 'pat@outreach.example.org';
  beforeEach(async () => {
    h = startHarness();
    await h.post('/_emulator/users', { id: '11111111-1111-4111-8111-111111111111', displayName: 'Pat Example', mail: sender }).expect(201);
  });
  afterEach(() => h.close());

  const attachment = (name: string, bytes: Buffer, contentType = 'application/pdf') => ({ '@odata.type': '#microsoft.graph.fileAttachment', name, contentType, contentBytes: bytes.toString('base64') });
  const sendMail = (attachments: unknown[]) =>
    h.post(`/users/${sender}/sendMail`, { message: { subject: 'Report OC-2', toRecipients: [{ emailAddress: { address: 'head@school.example.org' } }], attachments }, saveToSentItems: true });

  it('Sent Items with $expand=attachments give each attachment with its bytes; one attachment can be read by id', async () => {
    await sendMail([attachment('Report.pdf', Buffer.from('%PDF-1.7 report')), attachment('Notes.txt', Buffer.from('notes'), 'text/plain')]).expect(202);
    const plain = await h.get(`/users/${sender}/mailFolders/sentitems/messages`).expect(200);
    expect(plain.body.value[0]).not.toHaveProperty('attachments');
    const expanded = await h.get(`/users/${sender}/mailFolders/sentitems/messages?$expand=attachments`).expect(200);
    const message = expanded.body.value[0];
    expect(message.hasAttachments).toBe(true);
    expect(message.attachments).toEqual([
      expect.objectContaining({ '@odata.type': '#microsoft.graph.fileAttachment', name: 'Report.pdf', contentType: 'application/pdf', size: 15, isInline: false, contentBytes: Buffer.from('%PDF-1.7 report').toString('base64') }),
      expect.objectContaining({ name: 'Notes.txt', contentType: 'text/plain', size: 5 }),
    ]);
    const [first, second] = message.attachments as Array<{ id: string }>;
    expect(first?.id).not.toBe(second?.id);
    const one = await h.get(`/users/${sender}/messages/${message.id}/attachments/${second?.id}`).expect(200);
    expect(Buffer.from(one.body.contentBytes, 'base64').toString()).toBe('notes');
    const list = await h.get(`/users/${sender}/messages/${message.id}/attachments?$select=name,size`).expect(200);
    expect(list.body.value.map((a: { name: string }) => a.name)).toEqual(['Report.pdf', 'Notes.txt']);
    await h.get(`/users/${sender}/messages/${message.id}/attachments/bm90LXRoZXJl`).expect(404);
    await h.get(`/users/${sender}/mailFolders/sentitems/messages?$expand=singleValueExtendedProperties`).expect(400);
  });

  it('an attachment over 3 MB answers 413; so does a request over 4 MB made of smaller attachments', async () => {
    await sendMail([attachment('Big.pdf', Buffer.alloc(3 * 1024 * 1024 + 1))]).expect(413);
    const twoMb = Buffer.alloc(2 * 1024 * 1024);
    const tooBig = await sendMail([attachment('One.pdf', twoMb), attachment('Two.pdf', twoMb)]).expect(413);
    expect(tooBig.body.error.code).toBe('ErrorRequestEntityTooLarge');
    await sendMail([attachment('One.pdf', twoMb)]).expect(202);
  });
});
