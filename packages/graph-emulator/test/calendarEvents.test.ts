import { startHarness, type Harness } from './harness';

const pat = 'pat@outreach.example.org';
const sam = 'sam@outreach.example.org';
const london = { Prefer: 'outlook.timezone="Europe/London"' };

const meeting = (over: Record<string, unknown> = {}) => ({
  subject: 'OC-26-7KQ2M school meeting',
  body: { contentType: 'text', content: 'Initial school meeting.' },
  start: { dateTime: '2026-03-03T10:00:00', timeZone: 'Europe/London' },
  end: { dateTime: '2026-03-03T11:00:00', timeZone: 'Europe/London' },
  attendees: [{ emailAddress: { address: 'senco@school.example.org' }, type: 'required' }, { emailAddress: { address: sam }, type: 'required' }],
  sensitivity: 'private',
  hideAttendees: true,
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  transactionId: 'meeting-key-1',
  ...over,
});

describe('Graph emulator: events', () => {
  let h: Harness;
  beforeEach(async () => {
    h = startHarness();
    await h.post('/_emulator/users', { value: [
      { id: '11111111-1111-4111-8111-111111111111', displayName: 'Pat Example', mail: pat },
      { id: '22222222-2222-4222-8222-222222222222', displayName: 'Sam Example', mail: sam },
    ] }).expect(201);
  });
  afterEach(() => h.close());

  it('creates a private Teams meeting, echoing hideAttendees and sensitivity, times in the Prefer zone (Windows name too)', async () => {
    const created = await h.post(`/users/${pat}/events`, meeting()).set(london).expect(201);
    expect(created.body).toMatchObject({ sensitivity: 'private', hideAttendees: true, isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', isCancelled: false, transactionId: 'meeting-key-1' });
    expect(created.body.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(created.body.start).toEqual({ dateTime: '2026-03-03T10:00:00.0000000', timeZone: 'Europe/London' });
    const windows = await h.get(`/users/${pat}/events/${created.body.id}`).set('Prefer', 'outlook.timezone="GMT Standard Time"').expect(200);
    expect(windows.body.start).toEqual({ dateTime: '2026-03-03T10:00:00.0000000', timeZone: 'GMT Standard Time' });
    const utc = await h.get(`/users/${pat}/events/${created.body.id}`).expect(200);
    expect(utc.body.start).toEqual({ dateTime: '2026-03-03T10:00:00.0000000', timeZone: 'UTC' });
    // Summer time: London is UTC+1.
    const summer = await h.post(`/users/${pat}/events`, meeting({ transactionId: 'k2', start: { dateTime: '2026-06-02T09:00:00Z', timeZone: 'UTC' }, end: { dateTime: '2026-06-02T10:00:00', timeZone: 'UTC' } })).set(london).expect(201);
    expect(summer.body.start.dateTime).toBe('2026-06-02T10:00:00.0000000');
    const patched = await h.patch(`/users/${pat}/events/${summer.body.id}`, { location: { displayName: 'Room 2' } }).set(london).expect(200);
    expect(patched.body.end).toEqual({ dateTime: '2026-06-02T11:00:00.0000000', timeZone: 'Europe/London' });
  });

  it('transactionId: a retry answers the first event; the same id for a different meeting is refused 400 ErrorDuplicateTransactionId', async () => {
    const first = await h.post(`/users/${pat}/events`, meeting()).expect(201);
    const retry = await h.post(`/users/${pat}/events`, meeting({ start: { dateTime: '2026-03-03T10:00:00Z', timeZone: 'UTC' }, end: { dateTime: '2026-03-03T11:00:00', timeZone: 'UTC' } })).expect(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.onlineMeeting.joinUrl).toBe(first.body.onlineMeeting.joinUrl);
    for (const change of [{ subject: 'Another' }, { end: { dateTime: '2026-03-03T11:30:00', timeZone: 'Europe/London' } }, { attendees: [] }]) {
      const refused = await h.post(`/users/${pat}/events`, meeting(change)).expect(400);
      expect(refused.body.error.code).toBe('ErrorDuplicateTransactionId');
    }
    // Another organiser's calendar has its own transactionIds.
    await h.post(`/users/${sam}/events`, meeting({ subject: 'Another' })).expect(201);
    const list = await h.get(`/users/${pat}/events`).expect(200);
    expect(list.body.value).toHaveLength(1);
  });

  it('a PATCH that sends body gives an online meeting a new join link; time and location alone keep it', async () => {
    const created = await h.post(`/users/${pat}/events`, meeting()).expect(201);
    const link = created.body.onlineMeeting.joinUrl as string;
    const moved = await h.patch(`/users/${pat}/events/${created.body.id}`, { start: { dateTime: '2026-03-04T10:00:00', timeZone: 'Europe/London' }, end: { dateTime: '2026-03-04T11:00:00', timeZone: 'Europe/London' }, location: { displayName: 'School office' } }).expect(200);
    expect(moved.body.onlineMeeting.joinUrl).toBe(link);
    const withBody = await h.patch(`/users/${pat}/events/${created.body.id}`, { body: { contentType: 'text', content: 'Moved.' } }).expect(200);
    expect(withBody.body.onlineMeeting.joinUrl).not.toBe(link);
    // An online event stays online.
    const offline = await h.patch(`/users/${pat}/events/${created.body.id}`, { isOnlineMeeting: false }).expect(200);
    expect(offline.body.isOnlineMeeting).toBe(true);
    await h.patch(`/users/${pat}/events/${created.body.id}`, { transactionId: 'other' }).expect(400);
  });

  it('/cancel: organiser only, 202 with no body, then gone (404 ErrorItemNotFound) but kept as cancelled with its comment', async () => {
    const created = await h.post(`/users/${pat}/events`, meeting()).expect(201);
    const byAttendee = await h.post(`/users/${sam}/events/${created.body.id}/cancel`, { comment: 'x' }).expect(400);
    expect(byAttendee.body.error.message).toContain('You need to be an organizer to cancel a meeting');
    const cancelled = await h.post(`/users/${pat}/events/${created.body.id}/cancel`, { comment: 'The school closed for snow.' }).expect(202);
    expect(cancelled.text).toBe('');
    const gone = await h.get(`/users/${pat}/events/${created.body.id}`).expect(404);
    expect(gone.body.error.code).toBe('ErrorItemNotFound');
    await h.post(`/users/${pat}/events/${created.body.id}/cancel`, { comment: 'again' }).expect(404);
    expect((await h.get(`/users/${pat}/events`).expect(200)).body.value).toEqual([]);
    const diary = await h.get(`/_emulator/calendar/${pat}?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z`).expect(200);
    expect(diary.body.value).toHaveLength(1);
    expect(diary.body.value[0]).toMatchObject({ isCancelled: true, cancellation: { comment: 'The school closed for snow.' }, start: { timeZone: 'Europe/London' } });
    // The organiser's DELETE cancels too, with no comment.
    const other = await h.post(`/users/${pat}/events`, meeting({ transactionId: 'k3' })).expect(201);
    await h.del(`/users/${pat}/events/${other.body.id}`).expect(204);
    await h.get(`/users/${pat}/events/${other.body.id}`).expect(404);
  });

  it('a mailbox without Teams gets online meetings back offline: isOnlineMeeting false, onlineMeeting null (set at registration or later)', async () => {
    await h.post('/_emulator/users', { id: '11111111-1111-4111-8111-111111111111', displayName: 'Pat Example', mail: pat, teams: false }).expect(201);
    const users = await h.get('/_emulator/users').expect(200);
    expect(users.body.value.find((u: { mail: string }) => u.mail === pat).calendar.teams).toBe(false);
    const created = await h.post(`/users/${pat}/events`, meeting()).expect(201);
    expect(created.body).toMatchObject({ isOnlineMeeting: false, onlineMeeting: null, onlineMeetingProvider: 'unknown' });
    expect((await h.get(`/users/${pat}/events/${created.body.id}`).expect(200)).body.onlineMeeting).toBeNull();
    // Registering again without the setting leaves it; teams: true gives it back.
    await h.post('/_emulator/users', { id: '11111111-1111-4111-8111-111111111111', displayName: 'Pat Example', mail: pat }).expect(201);
    expect((await h.post(`/users/${pat}/events`, meeting({ transactionId: 'k4' })).expect(201)).body.onlineMeeting).toBeNull();
    await h.post('/_emulator/users', { id: '11111111-1111-4111-8111-111111111111', displayName: 'Pat Example', mail: pat, teams: true }).expect(201);
    expect((await h.post(`/users/${pat}/events`, meeting({ transactionId: 'k5' })).expect(201)).body.onlineMeeting.joinUrl).toMatch(/^https:/);
  });

  it('a late join link: the create and the next N reads show null, the read after finds the link', async () => {
    await h.post('/_emulator/users', { id: '11111111-1111-4111-8111-111111111111', displayName: 'Pat Example', mail: pat, teamsLinkAfterReads: 1 }).expect(201);
    const created = await h.post(`/users/${pat}/events`, meeting()).expect(201);
    expect(created.body).toMatchObject({ isOnlineMeeting: true, onlineMeeting: null });
    const read = () => h.get(`/users/${pat}/events/${created.body.id}?$select=isOnlineMeeting,onlineMeeting`).expect(200);
    expect((await read()).body.onlineMeeting).toBeNull();
    const found = (await read()).body;
    expect(found.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(Object.keys(found).sort()).toEqual(['@odata.etag', 'id', 'isOnlineMeeting', 'onlineMeeting']);
    expect((await read()).body.onlineMeeting.joinUrl).toBe(found.onlineMeeting.joinUrl);
  });

  it('seeds events once per marker (a restart changes nothing), as real events Graph then reads', async () => {
    const seed = { marker: 'demo-v1', events: [{ organizer: pat, event: meeting({ transactionId: 'seed-1' }) }, { organizer: sam, event: meeting({ transactionId: 'seed-2', subject: 'Sam\'s' }) }] };
    expect((await h.post('/_emulator/calendar/seed', seed).expect(201)).body).toEqual({ marker: 'demo-v1', created: 2 });
    expect((await h.post('/_emulator/calendar/seed', seed).expect(200)).body).toEqual({ marker: 'demo-v1', created: 0 });
    const view = await h.get(`/users/${sam}/calendarView?startDateTime=2026-03-03T00:00:00Z&endDateTime=2026-03-04T00:00:00Z`).expect(200);
    expect(view.body.value.map((e: { subject: string; isOrganizer: boolean }) => [e.subject, e.isOrganizer])).toEqual([['OC-26-7KQ2M school meeting', false], ['Sam\'s', true]]);
    // The seeded transactionId guards a later create like any other.
    expect((await h.post(`/users/${pat}/events`, meeting({ transactionId: 'seed-1', subject: 'Other' })).expect(400)).body.error.code).toBe('ErrorDuplicateTransactionId');
    await h.post('/_emulator/calendar/seed', { marker: 'x', events: [{ organizer: 'not an address', event: {} }] }).expect(400);
  });
});
