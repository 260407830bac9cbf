import { GraphCalendar } from '../../graph/calendar/graphCalendar';
import { DriveCaseFolders } from '../../graph/drive/caseFolders';
import { DriveFiles } from '../../graph/drive/driveFiles';
import { GraphMailer, defaultMailerTiming } from '../../graph/mail/graphMailer';
import { SentMailEntry } from '../../graph/mail/sentMail';
import { lists } from '../../graph/sharepoint/listDefinitions';
import { SharePointListStore } from '../../graph/sharepoint/listStore';
import { graphError, json, ReplayGraph } from './support/replayGraph';

// Graph's error bodies reaching the product as named outcomes, throttling on a request of its own, and listings
// (a folder's children, an event) read from the documented shapes.
const graph = new ReplayGraph();
beforeAll(() => graph.start());
afterAll(() => graph.stop());
beforeEach(() => graph.reset());

const WORKER = 'r.okafor@fabrikamlearning.org';
const DRIVE = 'b!CaseFilesDrive0001';

describe('errors', () => {
  it('a mailbox outside the Exchange RBAC scope (403 ErrorAccessDenied) fails the mail with that code, leaving it "failed"', async () => {
    // https://learn.microsoft.com/en-us/graph/errors: 403 and the error body (code, message, innerError { date, request-id, client-request-id }).
    graph.on('POST', /\/items$/, () => json(201, { id: '60', eTag: '"m,1"' }));
    graph.on('POST', /\/sendMail$/, () => graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'));
    graph.on('PATCH', /\/items\/60\/fields$/, (r) => json(200, { '@odata.etag': '"m,2"', ...(r.body as object) }));
    const client = graph.client();
    const log = new SharePointListStore<SentMailEntry, 'status'>(client, '/sites/s/lists/sent', lists.sentMail, SentMailEntry);
    const mailer = new GraphMailer(client, 'someone.else@fabrikamlearning.org', log, defaultMailerTiming);
    const error = await mailer.send({ to: ['office@quayside-school.example'], subject: 'OC-26-0150: update', html: '<p>Update</p>' }, 'mail-oc-26-0150').catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 403, code: 'ErrorAccessDenied' });
    expect(graph.calls().find((c) => c.method === 'PATCH')?.body).toMatchObject({ Status: 'failed' });
  });

  it('a request of its own throttled (429, then 503, each with Retry-After) is retried by the client after each', async () => {
    // https://learn.microsoft.com/en-us/graph/throttling: 429 Too Many Requests with Retry-After; 503 Service Unavailable may carry it too.
    graph.on('GET', /\/events\/EV1\?/, () => graphError(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': '1' }), 1);
    graph.on('GET', /\/events\/EV1\?/, () => graphError(503, 'serviceNotAvailable', 'Service unavailable.', { 'Retry-After': '1' }), 1);
    // https://learn.microsoft.com/en-us/graph/api/event-get: the event, start/end in the Prefer zone (here UTC), with properties not asked for ignored.
    graph.on('GET', /\/events\/EV1\?/, () => json(200, { '@odata.etag': 'W/"x"', id: 'EV1', subject: 'Visit', isCancelled: false, start: { dateTime: '2026-12-08T09:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2026-12-08T10:00:00.0000000', timeZone: 'UTC' } }));
    const started = Date.now();
    const event = await new GraphCalendar(graph.client()).eventNow(WORKER, 'EV1');
    expect(event).toEqual({ eventId: 'EV1', start: new Date('2026-12-08T09:00:00Z'), end: new Date('2026-12-08T10:00:00Z'), isCancelled: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(graph.calls()).toHaveLength(3);
    expect(graph.calls().every((c) => c.headers.prefer === 'outlook.timezone="UTC"')).toBe(true);
  });

  it('an event deleted by its organiser (404 ErrorItemNotFound) is none; another 404 code is an error', async () => {
    graph.on('GET', /\/events\/GONE\?/, () => graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.'));
    graph.on('GET', /\/users\/nobody@fabrikamlearning\.org\/events\//, () => graphError(404, 'ErrorInvalidUser', 'The requested user \'nobody@fabrikamlearning.org\' is invalid.'));
    const calendar = new GraphCalendar(graph.client());
    await expect(calendar.eventNow(WORKER, 'GONE')).resolves.toBeNull();
    await expect(calendar.eventNow('nobody@fabrikamlearning.org', 'EV1')).rejects.toMatchObject({ statusCode: 404, code: 'ErrorInvalidUser' });
  });

  it('a drive id Graph does not take (400 invalidRequest) and a missing item (404) both read as no item', async () => {
    graph.on('GET', /\/drives\/not-a-drive\//, () => graphError(400, 'invalidRequest', 'Invalid request'));
    graph.on('GET', /\/items\/01MISSING\?/, () => graphError(404, 'itemNotFound', 'The resource could not be found.'));
    const files = new DriveFiles(graph.client());
    await expect(files.item('not-a-drive', '01X')).resolves.toBeUndefined();
    await expect(files.item(DRIVE, '01MISSING')).resolves.toBeUndefined();
  });
});

describe('listings', () => {
  it('a folder\'s children over two pages, people and app-only writers, from the documented driveItem shapes', async () => {
    // https://learn.microsoft.com/en-us/graph/api/driveitem-list-children: value[] of driveItems (name, size, folder { childCount }
    // or file { mimeType, hashes }, …) and @odata.nextLink (https://learn.microsoft.com/en-us/graph/paging). lastModifiedBy is an
    // identitySet (https://learn.microsoft.com/en-us/graph/api/resources/identityset): user or application.
    const next = `${graph.baseUrl}/v1.0/drives/${DRIVE}/items/01CASEFOLDER/children?$select=id,name&$top=200&$skiptoken=Paged%3dTRUE%26p_SortBehavior%3d0`;
    graph.on('GET', /\/children\?.*skiptoken/, () =>
      json(200, {
        value: [
          { id: '01NOTES', name: 'Notes.docx', size: 1200, webUrl: 'https://fabrikamlearning.sharepoint.com/sites/outreach/Case%20Files/C-7Q4K2M/OC-26-0142/Notes.docx', file: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', hashes: { quickXorHash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' } }, lastModifiedBy: { application: { displayName: 'Outreach Cases', id: '0f4e2a6c-9b1d-4c3e-8a7f-5d2b1c0e9a84' }, user: { displayName: 'SharePoint App' } }, lastModifiedDateTime: '2026-11-30T09:30:00Z' },
        ],
      }),
    );
    graph.on('GET', /\/children\?/, () =>
      json(200, {
        '@odata.nextLink': next,
        value: [
          { id: '01PHOTOS', name: 'Photos', webUrl: 'https://fabrikamlearning.sharepoint.com/sites/outreach/Case%20Files/C-7Q4K2M/OC-26-0142/Photos', size: 0, folder: { childCount: 4 }, lastModifiedBy: { user: { id: 'a1b2c3d4-0000-4000-8000-00000000aa01', displayName: 'R Okafor' } }, lastModifiedDateTime: '2026-11-29T15:00:00Z', parentReference: { driveId: DRIVE, driveType: 'documentLibrary', id: '01CASEFOLDER', path: `/drives/${DRIVE}/root:/C-7Q4K2M/OC-26-0142` } },
        ],
      }),
    );
    const items = await new DriveCaseFolders(graph.client(), DRIVE).children({ id: '01CASEFOLDER' });
    expect(items).toEqual([
      expect.objectContaining({ id: '01PHOTOS', kind: 'folder', modifiedBy: 'R Okafor' }),
      expect.objectContaining({ id: '01NOTES', kind: 'file', size: 1200, modifiedBy: 'Outreach Cases' }),
    ]);
    expect(decodeURIComponent(graph.calls()[0]?.url ?? '')).toContain('/children?$select=id,name,size,folder,file,lastModifiedBy,lastModifiedDateTime,webUrl,parentReference&$top=200');
  });

  it('an online event\'s join URL read again (GET event $select=id,isOnlineMeeting,onlineMeeting)', async () => {
    // https://learn.microsoft.com/en-us/graph/outlook-calendar-online-meetings: GET the event with $select=onlineMeeting; onlineMeeting { joinUrl, conferenceId, tollNumber }.
    graph.on('GET', /\/events\/EV9\?/, () => json(200, { '@odata.etag': 'W/"y"', id: 'EV9', isOnlineMeeting: true, onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_second%40thread.v2/0', conferenceId: '177513992', tollNumber: '+1 425 555 0123' } }));
    await expect(new GraphCalendar(graph.client()).joinUrl(WORKER, 'EV9')).resolves.toBe('https://teams.microsoft.com/l/meetup-join/19%3ameeting_second%40thread.v2/0');
    expect(decodeURIComponent(graph.calls()[0]?.url ?? '')).toBe(`/v1.0/users/${WORKER}/events/EV9?$select=id,isOnlineMeeting,onlineMeeting`);
  });
});
