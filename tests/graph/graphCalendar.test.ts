import { readFileSync } from 'node:fs';
import { Agent } from 'undici';
import type { MeetingRequest } from '../../workflow';
import { GraphCalendar } from '../../graph/calendar/graphCalendar';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';

jest.setTimeout(120_000);

// Demo staff, registered as the embedded Graph's users (as the app does at start).
const morgan = { id: '00000000-0000-4000-8000-000000000001', mail: 'morgan.ashby@outreach.example.org', displayName: 'Morgan Ashby' };
const dev = { id: '00000000-0000-4000-8000-000000000003', mail: 'dev.okonjo@outreach.example.org', displayName: 'Dev Okonjo' };
const harriet = { id: '00000000-0000-4000-8000-000000000004', mail: 'harriet.lunde@outreach.example.org', displayName: 'Harriet Lunde' };
const senco = 'senco@alderbrookprim.sch.example.org';

let graph: EmbeddedGraph;
let dispatcher: Agent;
let calendar: GraphCalendar;
beforeAll(async () => {
  graph = await startEmbeddedGraph();
  dispatcher = new Agent({ connect: { ca: readFileSync(graph.info.caCertPath, 'utf8') } });
  calendar = new GraphCalendar(graph.client);
});
afterAll(async () => {
  await graph.stop();
  await dispatcher.close();
});
afterEach(async () => {
  await graph.clearFaults();
  await setUser(morgan, { teams: true, teamsLinkAfterReads: null });
});

/** The emulator's control for a mailbox's calendar settings (not Graph). */
async function setUser(user: typeof morgan, settings: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${graph.info.adminUrl}/users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${graph.info.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...user, ...settings }),
    dispatcher,
  } as unknown as RequestInit);
  expect(response.status).toBe(201);
}

let keys = 0;
const request = (over: Partial<MeetingRequest> = {}): MeetingRequest => {
  keys += 1;
  return {
    organiserId: morgan.id,
    subject: 'OC-26-7KQ2M initial school meeting',
    body: 'Initial school meeting for case OC-26-7KQ2M.',
    start: new Date('2026-03-03T10:00:00Z'),
    end: new Date('2026-03-03T11:00:00Z'),
    attendees: [{ email: senco, name: 'SENCo' }, { email: harriet.mail }],
    online: true,
    location: 'Alderbrook Primary School',
    transactionId: `graph-calendar-test-${keys}`,
    ...over,
  };
};

const eventsOn = async (mailbox: string, day: string) =>
  (await graph.client.api(`/users/${mailbox}/calendarView`).query({ startDateTime: `${day}T00:00:00Z`, endDateTime: `${day}T23:59:59Z` })
    .header('Prefer', 'outlook.timezone="Europe/London"').get()) as { value: Array<{ id: string; subject: string; sensitivity: string; hideAttendees: boolean; start: { dateTime: string }; onlineMeeting: { joinUrl: string } | null }> };

describe('GraphCalendar on the embedded Graph', () => {
  it('books a private Teams meeting once per transactionId, with hideAttendees for several invitees', async () => {
    const asked = request({ start: new Date('2026-03-10T10:00:00Z'), end: new Date('2026-03-10T11:00:00Z') });
    const booked = await calendar.book(asked);
    expect(booked.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const again = await calendar.book(asked);
    expect(again).toEqual(booked);
    const day = await eventsOn(morgan.mail, '2026-03-10');
    expect(day.value).toHaveLength(1);
    expect(day.value[0]).toMatchObject({ id: booked.eventId, sensitivity: 'private', hideAttendees: true, start: { dateTime: '2026-03-10T10:00:00.0000000' } });
  });

  it('a create that commits and then fails, retried: still one event', async () => {
    const asked = request({ start: new Date('2026-03-11T10:00:00Z'), end: new Date('2026-03-11T11:00:00Z') });
    await graph.setFaults({ failAfterCommitRate: 1, retryAfterSeconds: 0, seed: 3 });
    await expect(calendar.book(asked)).rejects.toBeDefined();
    await graph.clearFaults();
    const booked = await calendar.book(asked);
    const day = await eventsOn(morgan.mail, '2026-03-11');
    expect(day.value.map((e) => e.id)).toEqual([booked.eventId]);
  });

  it('the same transactionId for a different meeting is refused, not booked', async () => {
    const asked = request({ start: new Date('2026-03-12T10:00:00Z'), end: new Date('2026-03-12T11:00:00Z') });
    await calendar.book(asked);
    await expect(calendar.book({ ...asked, start: new Date('2026-03-12T12:00:00Z'), end: new Date('2026-03-12T13:00:00Z') }))
      .rejects.toMatchObject({ statusCode: 400, code: 'ErrorDuplicateTransactionId' });
    expect((await eventsOn(morgan.mail, '2026-03-12')).value).toHaveLength(1);
  });

  it('busy times in London across the clock change, for staff organising or invited; an external address is left out', async () => {
    // Sun 29 Mar 2026: clocks go forward. Mon 30 Mar 09:00 London is 08:00 UTC.
    await calendar.book(request({ organiserId: dev.id, attendees: [{ email: morgan.mail }], start: new Date('2026-03-30T08:00:00Z'), end: new Date('2026-03-30T09:00:00Z'), online: false }));
    await calendar.book(request({ start: new Date('2026-03-27T14:00:00Z'), end: new Date('2026-03-27T15:30:00Z') }));
    const busy = await calendar.busyTimes([senco, morgan.mail, dev.mail], new Date('2026-03-27T00:00:00Z'), new Date('2026-03-31T00:00:00Z'));
    expect([...busy.keys()].sort()).toEqual([dev.mail, morgan.mail]);
    expect(busy.get(morgan.mail)).toEqual([
      { start: new Date('2026-03-27T14:00:00Z'), end: new Date('2026-03-27T15:30:00Z') },
      { start: new Date('2026-03-30T08:00:00Z'), end: new Date('2026-03-30T09:00:00Z') },
    ]);
    expect(busy.get(dev.mail)).toEqual([{ start: new Date('2026-03-30T08:00:00Z'), end: new Date('2026-03-30T09:00:00Z') }]);
    await expect(calendar.busyTimes(Array.from({ length: 21 }, (_, i) => `p${i}@outreach.example.org`), new Date('2026-03-27T00:00:00Z'), new Date('2026-03-28T00:00:00Z'))).rejects.toThrow(/at most 20/);
  });

  it('moves the same event, time and location only: the Teams link is kept', async () => {
    const booked = await calendar.book(request({ start: new Date('2026-03-13T10:00:00Z'), end: new Date('2026-03-13T11:00:00Z') }));
    await calendar.move(morgan.id, booked.eventId, { start: new Date('2026-03-13T13:00:00Z'), end: new Date('2026-03-13T14:00:00Z'), location: 'School office' });
    const day = await eventsOn(morgan.mail, '2026-03-13');
    expect(day.value).toHaveLength(1);
    expect(day.value[0]).toMatchObject({ id: booked.eventId, start: { dateTime: '2026-03-13T13:00:00.0000000' }, onlineMeeting: { joinUrl: booked.joinUrl } });
  });

  it('cancels with a comment: gone from the calendar and free again; cancelling again does nothing', async () => {
    const booked = await calendar.book(request({ start: new Date('2026-03-16T10:00:00Z'), end: new Date('2026-03-16T11:00:00Z') }));
    await calendar.cancel(morgan.id, booked.eventId, 'The school asked to meet another week.');
    await calendar.cancel(morgan.id, booked.eventId, 'again');
    expect((await eventsOn(morgan.mail, '2026-03-16')).value).toEqual([]);
    const busy = await calendar.busyTimes([morgan.mail], new Date('2026-03-16T00:00:00Z'), new Date('2026-03-17T00:00:00Z'));
    expect(busy.get(morgan.mail)).toEqual([]);
  });

  it('booking again with the key of a meeting since cancelled says so rather than answering the cancelled event', async () => {
    const asked = request({ start: new Date('2026-03-19T10:00:00Z'), end: new Date('2026-03-19T11:00:00Z') });
    const booked = await calendar.book(asked);
    await calendar.cancel(morgan.id, booked.eventId, 'Not needed.');
    await expect(calendar.book(asked)).rejects.toThrow(/was cancelled: book it again with a new key/);
    expect((await eventsOn(morgan.mail, '2026-03-19')).value).toEqual([]);
  });

  it('a mailbox without Teams: the link is null (pending) and stays so', async () => {
    await setUser(morgan, { teams: false });
    const booked = await calendar.book(request({ start: new Date('2026-03-17T10:00:00Z'), end: new Date('2026-03-17T11:00:00Z') }));
    expect(booked.joinUrl).toBeNull();
    expect(await calendar.joinUrl(morgan.id, booked.eventId)).toBeNull();
  });

  it('a link that appears late is found by a re-read', async () => {
    await setUser(morgan, { teamsLinkAfterReads: 1 });
    const booked = await calendar.book(request({ start: new Date('2026-03-18T10:00:00Z'), end: new Date('2026-03-18T11:00:00Z') }));
    expect(booked.joinUrl).toBeNull();
    expect(await calendar.joinUrl(morgan.id, booked.eventId)).toBeNull();
    expect(await calendar.joinUrl(morgan.id, booked.eventId)).toMatch(/^https:\/\/teams\.microsoft\.com\//);
  });
});
