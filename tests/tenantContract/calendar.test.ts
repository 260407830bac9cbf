import { GraphCalendar } from '../../graph/calendar/graphCalendar';
import { graphError, json, ReplayGraph } from './support/replayGraph';

// Free/busy (getSchedule) and a Teams meeting booked as an event, replayed from the documented shapes.
const graph = new ReplayGraph();
beforeAll(() => graph.start());
afterAll(() => graph.stop());
beforeEach(() => graph.reset());

const SERVICE = 'outreach.service@fabrikamlearning.org';
const WORKER = 'r.okafor@fabrikamlearning.org';
const SENCO = 'senco@quayside-school.example';
const london = (dateTime: string) => ({ dateTime, timeZone: 'Europe/London' });

describe('getSchedule', () => {
  it('reads busy times from the documented answer (Prefer zone echoed, extra fields, capitalised statuses)', async () => {
    // https://learn.microsoft.com/en-us/graph/api/calendar-getschedule: POST /users/{id}/calendar/getSchedule with schedules,
    // startTime, endTime, availabilityViewInterval; 200 with value[] of scheduleInformation (scheduleId, availabilityView,
    // scheduleItems[] { isPrivate, status, subject, location, start, end }, workingHours), times in the Prefer header's zone.
    // https://learn.microsoft.com/en-us/graph/outlook-get-free-busy-schedule shows the statuses capitalised ("Tentative", "Busy")
    // and an address it cannot read answered with error { message, responseCode } instead of scheduleItems.
    graph.on('POST', /^\/users\/[^/]+\/calendar\/getSchedule$/, () =>
      json(200, {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)',
        value: [
          {
            scheduleId: WORKER,
            availabilityView: '2',
            scheduleItems: [
              { isPrivate: false, status: 'busy', subject: 'Team meeting', location: 'Room 2', start: london('2026-12-07T10:00:00.0000000'), end: london('2026-12-07T11:00:00.0000000') },
              { status: 'Tentative', start: london('2026-12-07T14:00:00.0000000'), end: london('2026-12-07T14:30:00.0000000') },
              { status: 'Busy', start: london('2026-12-08T09:00:00.0000000'), end: london('2026-12-08T09:30:00.0000000') },
              { status: 'free', start: london('2026-12-08T12:00:00.0000000'), end: london('2026-12-08T13:00:00.0000000') },
            ],
            workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'GMT Standard Time' } },
          },
          { scheduleId: SENCO, availabilityView: '', error: { message: 'Failed to get free/busy for the address.', responseCode: 'ErrorMailRecipientNotFound' } },
        ],
      }),
    );
    const calendar = new GraphCalendar(graph.client(), SERVICE);
    const busy = await calendar.busyTimes([WORKER, SENCO], new Date('2026-12-07T00:00:00Z'), new Date('2026-12-09T00:00:00Z'));
    expect([...busy.keys()]).toEqual([WORKER]);
    expect(busy.get(WORKER)?.map((b) => [b.start.toISOString(), b.end.toISOString()])).toEqual([
      ['2026-12-07T10:00:00.000Z', '2026-12-07T11:00:00.000Z'],
      ['2026-12-07T14:00:00.000Z', '2026-12-07T14:30:00.000Z'],
      ['2026-12-08T09:00:00.000Z', '2026-12-08T09:30:00.000Z'],
    ]);
    const [call] = graph.calls();
    expect(call).toMatchObject({ method: 'POST', url: `/v1.0/users/${encodeURIComponent(SERVICE)}/calendar/getSchedule` });
    expect(call?.headers.prefer).toBe('outlook.timezone="Europe/London"');
    expect(call?.body).toEqual({
      schedules: [WORKER, SENCO],
      startTime: { dateTime: '2026-12-07T00:00:00.000', timeZone: 'UTC' },
      endTime: { dateTime: '2026-12-09T00:00:00.000', timeZone: 'UTC' },
      availabilityViewInterval: 1440,
    });
  });

  it('times in summer are London wall-clock (BST), read as instants', async () => {
    graph.on('POST', /\/calendar\/getSchedule$/, () =>
      json(200, { value: [{ scheduleId: WORKER, availabilityView: '2', scheduleItems: [{ status: 'busy', start: london('2026-06-10T09:00:00.0000000'), end: london('2026-06-10T10:00:00.0000000') }] }] }),
    );
    const busy = await new GraphCalendar(graph.client(), SERVICE).busyTimes([WORKER], new Date('2026-06-10T00:00:00Z'), new Date('2026-06-11T00:00:00Z'));
    expect(busy.get(WORKER)?.[0]?.start.toISOString()).toBe('2026-06-10T08:00:00.000Z');
  });
});

describe('an event with a Teams meeting', () => {
  it('books it, sending the documented fields, and reads the join URL from the documented answer', async () => {
    // https://learn.microsoft.com/en-us/graph/api/user-post-events ("Create and enable an event as an online meeting"):
    // request isOnlineMeeting true, onlineMeetingProvider "teamsForBusiness"; 201 with the event, its onlineMeeting { joinUrl }
    // and many properties the adapter does not read (onlineMeetingUrl null, organizer, attendees with status, …).
    graph.on('POST', /^\/users\/[^/]+\/events$/, (request) =>
      json(201, {
        '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('…')/events/$entity",
        '@odata.etag': 'W/"ZlnW4RIAV06KYYwlrfNZvQAALfZeRQ=="',
        id: 'AAMkAGI1AAAt9AHjAAA=',
        createdDateTime: '2026-11-30T09:10:00.1234567Z',
        transactionId: (request.body as { transactionId: string }).transactionId,
        subject: 'OC-26-0142 review',
        isCancelled: false,
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        onlineMeetingUrl: null,
        start: london('2026-12-07T15:00:00.0000000'),
        end: london('2026-12-07T15:30:00.0000000'),
        organizer: { emailAddress: { name: 'R Okafor', address: WORKER } },
        attendees: [{ type: 'required', status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { name: 'SENCo', address: SENCO } }],
        onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_fictional%40thread.v2/0?context=%7b%7d' },
      }),
    );
    const booked = await new GraphCalendar(graph.client(), SERVICE).book({
      organiserId: WORKER,
      subject: 'OC-26-0142 review',
      body: 'A review meeting.',
      start: new Date('2026-12-07T15:00:00Z'),
      end: new Date('2026-12-07T15:30:00Z'),
      attendees: [{ email: SENCO, name: 'SENCo' }],
      online: true,
      transactionId: 'txn-oc-26-0142-review-1',
    });
    expect(booked).toEqual({ eventId: 'AAMkAGI1AAAt9AHjAAA=', joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_fictional%40thread.v2/0?context=%7b%7d' });
    const [call] = graph.calls();
    expect(call).toMatchObject({ method: 'POST', url: `/v1.0/users/${encodeURIComponent(WORKER)}/events` });
    expect(call?.headers.prefer).toBe('outlook.timezone="Europe/London"');
    expect(call?.body).toMatchObject({
      subject: 'OC-26-0142 review',
      body: { contentType: 'text', content: 'A review meeting.' },
      start: { dateTime: '2026-12-07T15:00:00.000', timeZone: 'UTC' },
      end: { dateTime: '2026-12-07T15:30:00.000', timeZone: 'UTC' },
      attendees: [{ emailAddress: { address: SENCO, name: 'SENCo' }, type: 'required' }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: 'txn-oc-26-0142-review-1',
    });
  });

  it('an event whose meeting is not made yet (onlineMeeting null) books with no join URL', async () => {
    // https://learn.microsoft.com/en-us/graph/outlook-calendar-online-meetings: onlineMeeting is null when the event is not online.
    graph.on('POST', /\/events$/, () => json(201, { id: 'AAMkAGI1AAAt9AHkAAA=', isOnlineMeeting: false, onlineMeetingProvider: 'unknown', onlineMeeting: null }));
    const booked = await new GraphCalendar(graph.client(), SERVICE).book({
      organiserId: WORKER, subject: 'OC-26-0143 visit', body: 'A home visit.', start: new Date('2026-12-08T10:00:00Z'), end: new Date('2026-12-08T11:00:00Z'),
      attendees: [{ email: SENCO }], online: false, location: 'Family home', transactionId: 'txn-oc-26-0143-visit-1',
    });
    expect(booked).toEqual({ eventId: 'AAMkAGI1AAAt9AHkAAA=', joinUrl: null });
    expect(graph.calls()[0]?.body).toMatchObject({ location: { displayName: 'Family home' } });
    expect(graph.calls()[0]?.body).not.toHaveProperty('isOnlineMeeting');
  });

  it('cancelling an event already gone (404 ErrorItemNotFound, Outlook\'s code) is done', async () => {
    // https://learn.microsoft.com/en-us/graph/api/event-cancel: POST …/events/{id}/cancel { comment } → 202; Outlook's missing-item code.
    graph.on('POST', /\/events\/gone-event\/cancel$/, () => graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.'));
    graph.on('POST', /\/events\/live-event\/cancel$/, () => ({ status: 202 }));
    const calendar = new GraphCalendar(graph.client(), SERVICE);
    await expect(calendar.cancel(WORKER, 'gone-event', 'Closed.')).resolves.toBeUndefined();
    await expect(calendar.cancel(WORKER, 'live-event', 'Closed.')).resolves.toBeUndefined();
    expect(graph.calls().map((c) => c.body)).toEqual([{ comment: 'Closed.' }, { comment: 'Closed.' }]);
  });

  it('calendarView: times asked in UTC (Prefer), every page followed by @odata.nextLink with the same Prefer', async () => {
    // https://learn.microsoft.com/en-us/graph/api/user-list-calendarview: GET /users/{id}/calendarView?startDateTime=…&endDateTime=…,
    // value[] of events (start/end dateTimeTimeZone in the Prefer zone), @odata.nextLink when there are more
    // (https://learn.microsoft.com/en-us/graph/paging). A cancelled event shows isCancelled true.
    const utcTime = (dateTime: string) => ({ dateTime, timeZone: 'UTC' });
    const next = `${graph.baseUrl}/v1.0/users/${WORKER}/calendarView?startDateTime=2026-12-07T00:00:00.000Z&endDateTime=2026-12-14T00:00:00.000Z&$top=100&$skip=100`;
    graph.on('GET', /\/calendarView\?.*\$skip=100/, () => json(200, { value: [{ '@odata.etag': 'W/"b"', id: 'AAMkEV2=', isCancelled: true, start: utcTime('2026-12-09T10:00:00.0000000'), end: utcTime('2026-12-09T11:00:00.0000000') }] }));
    graph.on('GET', /\/calendarView\?/, () =>
      json(200, {
        '@odata.nextLink': next,
        value: [{ '@odata.etag': 'W/"a"', id: 'AAMkEV1=', subject: 'Visit', start: utcTime('2026-12-08T09:00:00.0000000'), end: utcTime('2026-12-08T10:00:00.0000000') }],
      }),
    );
    const events = await new GraphCalendar(graph.client(), SERVICE).calendarView(WORKER, new Date('2026-12-07T00:00:00Z'), new Date('2026-12-14T00:00:00Z'));
    expect(events.map((e) => [e.eventId, e.start.toISOString(), e.isCancelled])).toEqual([
      ['AAMkEV1=', '2026-12-08T09:00:00.000Z', false],
      ['AAMkEV2=', '2026-12-09T10:00:00.000Z', true],
    ]);
    expect(graph.calls().map((c) => c.headers.prefer)).toEqual(['outlook.timezone="UTC"', 'outlook.timezone="UTC"']);
    const [first, second] = graph.calls().map((c) => new URL(c.url, graph.baseUrl));
    expect(decodeURIComponent(first?.pathname ?? '')).toBe(`/v1.0/users/${WORKER}/calendarView`);
    expect(Object.fromEntries(first?.searchParams ?? [])).toEqual({
      startDateTime: '2026-12-07T00:00:00.000Z', endDateTime: '2026-12-14T00:00:00.000Z', $select: 'id,start,end,isCancelled', $top: '100',
    });
    // The client re-orders a nextLink's query parameters (the same query to Graph); nothing is lost or added.
    expect(Object.fromEntries(second?.searchParams ?? [])).toEqual(Object.fromEntries(new URL(next).searchParams));
  });
});
