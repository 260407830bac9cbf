import { startHarness, type Harness } from './harness';

const pat = 'pat@outreach.example.org';
const utc = { Prefer: 'outlook.timezone="UTC"' };

const meeting = {
  subject: 'Initial school meeting: case OC-26-7KQ2M',
  body: { contentType: 'text', content: 'Booked for case OC-26-7KQ2M.' },
  start: { dateTime: '2026-03-03T10:00:00', timeZone: 'UTC' },
  end: { dateTime: '2026-03-03T11:00:00', timeZone: 'UTC' },
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  transactionId: 'meeting-key-outlook',
};

/** The control that changes an event as its organiser would in Outlook (not through Graph). */
describe('Graph emulator: an event changed in Outlook', () => {
  let h: Harness;
  beforeEach(async () => {
    h = startHarness();
    await h.post('/_emulator/users', { value: [{ id: '11111111-1111-4111-8111-111111111111', displayName: 'Pat Example', mail: pat }] }).expect(201);
  });
  afterEach(() => h.close());

  it('moves an event: calendarView and the event itself show the new time', async () => {
    const created = await h.post(`/users/${pat}/events`, meeting).expect(201);
    await h.post(`/_emulator/calendar/${pat}/events/${created.body.id}`, { start: '2026-03-05T14:00:00Z', end: '2026-03-05T15:00:00Z' }).expect(200);
    const read = await h.get(`/users/${pat}/events/${created.body.id}?$select=id,start,end,isCancelled`).set(utc).expect(200);
    expect(read.body).toMatchObject({ start: { dateTime: '2026-03-05T14:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2026-03-05T15:00:00.0000000', timeZone: 'UTC' } });
    const view = await h.get(`/users/${pat}/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-08T00:00:00Z&$select=id,start`).set(utc).expect(200);
    expect(view.body.value.map((e: { id: string; start: { dateTime: string } }) => [e.id, e.start.dateTime])).toEqual([[created.body.id, '2026-03-05T14:00:00.0000000']]);
  });

  it('cancels an event: gone from calendarView, the event answers 404; the control refuses it again, and a body it cannot read', async () => {
    const created = await h.post(`/users/${pat}/events`, meeting).expect(201);
    await h.post(`/_emulator/calendar/${pat}/events/${created.body.id}`, { start: 'soon' }).expect(400);
    await h.post(`/_emulator/calendar/${pat}/events/${created.body.id}`, { cancel: 'Sorry, I am away that day.' }).expect(200);
    await h.get(`/users/${pat}/events/${created.body.id}`).expect(404);
    const view = await h.get(`/users/${pat}/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-08T00:00:00Z`).expect(200);
    expect(view.body.value).toEqual([]);
    await h.post(`/_emulator/calendar/${pat}/events/${created.body.id}`, { cancel: 'again' }).expect(404);
  });
});
