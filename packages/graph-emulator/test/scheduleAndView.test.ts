import { startHarness, type Harness } from './harness';

const pat = 'pat@outreach.example.org';
const sam = 'sam@outreach.example.org';

const at = (day: string, from: string, to: string, over: Record<string, unknown> = {}) => ({
  subject: `Commitment ${day} ${from}`,
  start: { dateTime: `${day}T${from}:00`, timeZone: 'Europe/London' },
  end: { dateTime: `${day}T${to}:00`, timeZone: 'Europe/London' },
  ...over,
});
const window = (from: string, to: string, over: Record<string, unknown> = {}) => ({
  schedules: [pat],
  startTime: { dateTime: from, timeZone: 'UTC' },
  endTime: { dateTime: to, timeZone: 'UTC' },
  availabilityViewInterval: 60,
  ...over,
});

describe('Graph emulator: getSchedule and calendarView', () => {
  let h: Harness;
  beforeEach(async () => {
    h = startHarness();
    await h.post('/_emulator/users', { value: [
      { id: '11111111-1111-4111-8111-111111111111', displayName: 'Pat Example', mail: pat },
      { id: '22222222-2222-4222-8222-222222222222', displayName: 'Sam Example', mail: sam, workingHours: { daysOfWeek: ['monday', 'tuesday'], startTime: '09:00', endTime: '15:00' } },
    ] }).expect(201);
  });
  afterEach(() => h.close());

  it('busy from events the mailbox organises or attends; private ones only as busy; cancelled ones free; per-mailbox working hours', async () => {
    // Tue 3 Mar 2026 (GMT): 09-10 Pat's own, 11-12 Sam's meeting with Pat invited (private), 13-14 cancelled, 15-16 tentative.
    await h.post(`/users/${pat}/events`, at('2026-03-03', '09:00', '10:00')).expect(201);
    await h.post(`/users/${sam}/events`, at('2026-03-03', '11:00', '12:00', { sensitivity: 'private', attendees: [{ emailAddress: { address: pat } }] })).expect(201);
    const gone = await h.post(`/users/${pat}/events`, at('2026-03-03', '13:00', '14:00')).expect(201);
    await h.post(`/users/${pat}/events/${gone.body.id}/cancel`, { comment: 'not needed' }).expect(202);
    await h.post(`/users/${pat}/events`, at('2026-03-03', '15:00', '16:00', { showAs: 'tentative' })).expect(201);
    const answer = await h.post(`/users/${pat}/calendar/getSchedule`, window('2026-03-03T08:00:00', '2026-03-03T17:00:00', { schedules: [pat, sam] }))
      .set('Prefer', 'outlook.timezone="Europe/London"').expect(200);
    const [mine, theirs] = answer.body.value;
    // Hours from 08:00: free, own, free, invited (private), free, cancelled (free), free, tentative, free.
    expect(mine.availabilityView).toBe('020200010');
    expect(mine.scheduleItems.map((i: { status: string; subject?: string; isPrivate: boolean }) => [i.status, i.subject, i.isPrivate])).toEqual([
      ['busy', 'Commitment 2026-03-03 09:00', false],
      ['busy', undefined, true],
      ['tentative', 'Commitment 2026-03-03 15:00', false],
    ]);
    expect(mine.scheduleItems[0].start).toEqual({ dateTime: '2026-03-03T09:00:00.0000000', timeZone: 'Europe/London' });
    expect(mine.workingHours).toMatchObject({ daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000' });
    expect(theirs.availabilityView).toBe('000200000');
    expect(theirs.workingHours).toMatchObject({ daysOfWeek: ['monday', 'tuesday'], startTime: '09:00:00.0000000', endTime: '15:00:00.0000000' });
  });

  it('an address outside the tenant gets an entry with an error, as Graph answers it (200)', async () => {
    const answer = await h.post(`/users/${pat}/calendar/getSchedule`, window('2026-03-03T08:00:00', '2026-03-03T10:00:00', { schedules: [pat, 'senco@school.example.org'] })).expect(200);
    expect(answer.body.value[1]).toMatchObject({ scheduleId: 'senco@school.example.org', error: { responseCode: 'ErrorMailRecipientNotFound' } });
    expect(answer.body.value[1].scheduleItems).toBeUndefined();
  });

  it('refuses more than 20 schedules, a window of 62 days or more, and an interval outside 5..1440, in Graph\'s error shape', async () => {
    const many = Array.from({ length: 21 }, (_, i) => `p${i}@outreach.example.org`);
    const cases: Record<string, unknown>[] = [
      { schedules: many },
      { endTime: { dateTime: '2026-05-04T08:00:00', timeZone: 'UTC' } },
      { availabilityViewInterval: 4 },
      { availabilityViewInterval: 1441 },
    ];
    for (const over of cases) {
      const refused = await h.post(`/users/${pat}/calendar/getSchedule`, window('2026-03-03T08:00:00', '2026-03-04T08:00:00', over)).expect(400);
      expect(refused.body.error).toMatchObject({ code: 'ErrorInvalidParameter', message: expect.any(String), innerError: expect.anything() });
    }
    await h.post(`/users/${pat}/calendar/getSchedule`, window('2026-03-03T08:00:00', '2026-05-03T07:00:00', { schedules: many.slice(0, 20), availabilityViewInterval: 1440 })).expect(200);
  });

  it('calendarView: the window, by start, organised and attended, cancelled ones left out, $top paging, $select, Prefer zone', async () => {
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']) await h.post(`/users/${pat}/events`, at(day, '10:00', '11:00')).expect(201);
    await h.post(`/users/${pat}/events`, at('2026-03-10', '10:00', '11:00')).expect(201);
    await h.post(`/users/${sam}/events`, at('2026-03-03', '14:00', '15:00', { attendees: [{ emailAddress: { address: pat } }] })).expect(201);
    const cancelled = await h.post(`/users/${pat}/events`, at('2026-03-06', '10:00', '11:00')).expect(201);
    await h.post(`/users/${pat}/events/${cancelled.body.id}/cancel`, {}).expect(202);
    const first = await h.get(`/users/${pat}/calendarView?startDateTime=2026-03-02T00:00:00Z&endDateTime=2026-03-09T00:00:00Z&$top=3&$select=subject,start,isOrganizer`)
      .set('Prefer', 'outlook.timezone="Europe/London"').expect(200);
    expect(first.body.value.map((e: { subject: string }) => e.subject)).toEqual(['Commitment 2026-03-02 10:00', 'Commitment 2026-03-03 10:00', 'Commitment 2026-03-03 14:00']);
    expect(first.body.value[2]).toEqual(expect.objectContaining({ isOrganizer: false, start: { dateTime: '2026-03-03T14:00:00.0000000', timeZone: 'Europe/London' } }));
    expect(Object.keys(first.body.value[0]).sort()).toEqual(['@odata.etag', 'id', 'isOrganizer', 'start', 'subject']);
    const next = await h.get((first.body['@odata.nextLink'] as string).replace(/^.*\/v1\.0/, '')).expect(200);
    expect(next.body.value.map((e: { subject: string }) => e.subject)).toEqual(['Commitment 2026-03-04 10:00', 'Commitment 2026-03-05 10:00']);
    expect(next.body['@odata.nextLink']).toBeUndefined();
    const onCalendar = await h.get(`/users/${pat}/calendar/calendarView?startDateTime=2026-03-10T00:00:00&endDateTime=2026-03-11T00:00:00`).expect(200);
    expect(onCalendar.body.value).toHaveLength(1);
    expect(onCalendar.body.value[0].start).toEqual({ dateTime: '2026-03-10T10:00:00.0000000', timeZone: 'UTC' });
    const missing = await h.get(`/users/${pat}/calendarView?startDateTime=2026-03-10T00:00:00Z`).expect(400);
    expect(missing.body.error.code).toBe('ErrorInvalidParameter');
  });
});
