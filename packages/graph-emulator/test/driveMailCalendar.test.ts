import { startHarness, type Harness } from './harness';

describe('Graph emulator: the Case Files library', () => {
  let h: Harness;
  let driveId: string;
  let rootId: string;

  beforeEach(async () => {
    h = startHarness();
    const lib = await h.post(`/sites/${h.siteId()}/lists`, { displayName: 'Case Files', list: { template: 'documentLibrary' } }).expect(201);
    driveId = (await h.get(`/sites/${h.siteId()}/lists/${lib.body.id}/drive`).expect(200)).body.id;
    rootId = (await h.get(`/drives/${driveId}/root`).expect(200)).body.id;
  });
  afterEach(() => h.close());

  it('lists the site\'s drives, the library among them', async () => {
    const drives = await h.get(`/sites/${h.siteId()}/drives`).expect(200);
    expect(drives.body.value.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['Documents', 'Case Files']));
  });

  it('creates folders; conflictBehavior fail answers 409 nameAlreadyExists, rename picks a free name', async () => {
    const child = await h.post(`/drives/${driveId}/items/${rootId}/children`, { name: 'Child A', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' }).expect(201);
    expect(child.body).toMatchObject({ name: 'Child A', folder: { childCount: 0 }, parentReference: { id: rootId, driveId } });
    const again = await h.post(`/drives/${driveId}/items/${rootId}/children`, { name: 'child a', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' }).expect(409);
    expect(again.body.error.code).toBe('nameAlreadyExists');
    const renamed = await h.post(`/drives/${driveId}/items/${rootId}/children`, { name: 'Child A', folder: {}, '@microsoft.graph.conflictBehavior': 'rename' }).expect(201);
    expect(renamed.body.name).toBe('Child A 1');
    const sub = await h.post(`/drives/${driveId}/root:/Child A:/children`, { name: 'Case 1', folder: {} }).expect(201);
    expect(sub.body.parentReference.path).toBe(`/drives/${driveId}/root:/Child%20A`);
    const children = await h.get(`/drives/${driveId}/items/${rootId}/children`).expect(200);
    expect(children.body.value.map((c: { name: string }) => c.name)).toEqual(['Child A', 'Child A 1']);
  });

  it('answers 404 itemNotFound for a missing path', async () => {
    const res = await h.get(`/drives/${driveId}/root:/Nobody/Case 9:`).expect(404);
    expect(res.body.error.code).toBe('itemNotFound');
  });

  it('uploads a small file into a folder and reads it back', async () => {
    const folder = await h.post(`/drives/${driveId}/items/${rootId}/children`, { name: 'Child B', folder: {} }).expect(201);
    const content = Buffer.from('%PDF-1.4 fictional report');
    const up = await h.put(`/drives/${driveId}/items/${folder.body.id}:/report.pdf:/content`, content).expect(201);
    expect(up.body).toMatchObject({ name: 'report.pdf', size: content.length, file: { mimeType: 'application/pdf' } });
    const byPath = await h.get(`/drives/${driveId}/root:/Child B/report.pdf:`).expect(200);
    expect(byPath.body.id).toBe(up.body.id);
    const back = await h.get(`/drives/${driveId}/items/${up.body.id}/content`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(Buffer.compare(back.body as Buffer, content)).toBe(0);
    const replaced = await h.put(`/drives/${driveId}/items/${folder.body.id}:/report.pdf:/content`, Buffer.from('v2')).expect(200);
    expect(replaced.body.size).toBe(2);
    await h.put(`/drives/${driveId}/items/${folder.body.id}:/report.pdf:/content?@microsoft.graph.conflictBehavior=fail`, Buffer.from('v3')).expect(409);
  });

  it('refuses names SharePoint refuses', async () => {
    await h.post(`/drives/${driveId}/items/${rootId}/children`, { name: 'a:b', folder: {} }).expect(400);
  });
});

describe('Graph emulator: mail and calendar', () => {
  let h: Harness;
  beforeEach(async () => {
    h = startHarness();
    await h.post('/_emulator/users', { id: '11111111-1111-4111-8111-111111111111', displayName: 'Pat Example', mail: 'pat@outreach.example.org' }).expect(201);
    // The recipient's mailbox is read below: on this fictional tenant, a user too.
    await h.post('/_emulator/users', { id: '22222222-2222-4222-8222-222222222222', displayName: 'A Family', mail: 'family@school.example.org' }).expect(201);
  });
  afterEach(() => h.close());

  it('sendMail answers 202 and the message can be read in the recipient\'s mailbox, the sender\'s sent items and the outbox', async () => {
    await h.post('/users/11111111-1111-4111-8111-111111111111/sendMail', {
      message: {
        subject: 'Visit letter',
        body: { contentType: 'HTML', content: '<p>Dear family</p>' },
        toRecipients: [{ emailAddress: { address: 'family@school.example.org' } }],
        ccRecipients: [{ emailAddress: { address: 'head@school.example.org' } }],
        attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'letter.txt', contentType: 'text/plain', contentBytes: Buffer.from('hi').toString('base64') }],
      },
      saveToSentItems: true,
    }).expect(202);
    const inbox = await h.get('/users/family@school.example.org/messages').expect(200);
    expect(inbox.body.value).toHaveLength(1);
    expect(inbox.body.value[0]).toMatchObject({ subject: 'Visit letter', hasAttachments: true, from: { emailAddress: { address: 'pat@outreach.example.org' } } });
    const sent = await h.get('/users/pat@outreach.example.org/mailFolders/sentitems/messages').expect(200);
    expect(sent.body.value).toHaveLength(1);
    const outbox = await h.get('/_emulator/mailbox').expect(200);
    expect(outbox.body.value[0].recipients).toEqual(['family@school.example.org', 'head@school.example.org']);
  });

  it('keeps a message\'s X- internet headers, returned only when $select names them; refuses other header names', async () => {
    const message = { subject: 'Report', toRecipients: [{ emailAddress: { address: 'head@school.example.org' } }] };
    await h.post('/users/pat@outreach.example.org/sendMail', { message: { ...message, internetMessageHeaders: [{ name: 'X-Outreach-Mail-Key', value: 'case-1:report' }] } }).expect(202);
    const plain = await h.get('/users/pat@outreach.example.org/mailFolders/sentitems/messages').expect(200);
    expect(plain.body.value[0]).not.toHaveProperty('internetMessageHeaders');
    const selected = await h.get('/users/pat@outreach.example.org/mailFolders/sentitems/messages?$select=subject,internetMessageHeaders').expect(200);
    expect(selected.body.value[0].internetMessageHeaders).toEqual([{ name: 'X-Outreach-Mail-Key', value: 'case-1:report' }]);
    await h.post('/users/pat@outreach.example.org/sendMail', { message: { ...message, internetMessageHeaders: [{ name: 'Subject', value: 'x' }] } }).expect(400);
  });

  it('refuses sendMail without recipients', async () => {
    await h.post('/users/11111111-1111-4111-8111-111111111111/sendMail', { message: { subject: 'x' } }).expect(400);
  });

  it('creates a Teams meeting with a join URL, returns it in UTC, and shows it in getSchedule', async () => {
    const created = await h.post('/users/pat@outreach.example.org/events', {
      subject: 'Review meeting',
      start: { dateTime: '2026-06-01T10:00:00', timeZone: 'GMT Standard Time' },
      end: { dateTime: '2026-06-01T11:00:00', timeZone: 'GMT Standard Time' },
      attendees: [{ emailAddress: { address: 'family@school.example.org' }, type: 'required' }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      sensitivity: 'private',
    }).expect(201);
    expect(created.body.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(created.body.start).toEqual({ dateTime: '2026-06-01T09:00:00.0000000', timeZone: 'UTC' });
    const schedule = await h.post('/users/pat@outreach.example.org/calendar/getSchedule', {
      schedules: ['family@school.example.org', 'free@school.example.org'],
      startTime: { dateTime: '2026-06-01T08:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2026-06-01T11:00:00', timeZone: 'UTC' },
      availabilityViewInterval: 60,
    }).expect(200);
    expect(schedule.body.value[0]).toMatchObject({ scheduleId: 'family@school.example.org', availabilityView: '020' });
    expect(schedule.body.value[0].scheduleItems[0]).toMatchObject({ isPrivate: true, status: 'busy' });
    expect(schedule.body.value[0].scheduleItems[0].subject).toBeUndefined();
    // Not a mailbox of this tenant: an entry with an error, as Graph answers it.
    expect(schedule.body.value[1].error.responseCode).toBe('ErrorMailRecipientNotFound');

    const moved = await h.patch(`/users/pat@outreach.example.org/events/${created.body.id}`, { start: { dateTime: '2026-06-01T12:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-06-01T13:00:00', timeZone: 'UTC' } }).expect(200);
    expect(moved.body.start.dateTime).toBe('2026-06-01T12:00:00.0000000');
    await h.del(`/users/pat@outreach.example.org/events/${created.body.id}`).expect(204);
    await h.get(`/users/pat@outreach.example.org/events/${created.body.id}`).expect(404);
  });

  it('does not create an event twice for the same transactionId', async () => {
    const body = { subject: 'Visit', transactionId: 'tx-1', start: { dateTime: '2026-06-02T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2026-06-02T11:00:00', timeZone: 'UTC' } };
    const a = await h.post('/users/pat@outreach.example.org/events', body).expect(201);
    const b = await h.post('/users/pat@outreach.example.org/events', body).expect(201);
    expect(b.body.id).toBe(a.body.id);
  });
});
