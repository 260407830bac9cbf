import type { Client } from '@microsoft/microsoft-graph-client';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { BookedEvent, BusyTime, Calendar, CalendarEvent, EventChange, MeetingRequest } from '../../workflow';

/** Times are sent and read as London wall-clock times, as Outlook shows them to staff. */
const LONDON = 'Europe/London';
const preferLondon = `outlook.timezone="${LONDON}"`;

const DateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string() });
const CreatedEvent = z.object({ id: z.string(), isCancelled: z.boolean().optional(), onlineMeeting: z.object({ joinUrl: z.string().nullable().optional() }).nullable().optional() });
const Schedules = z.object({
  value: z.array(z.object({
    scheduleId: z.string(),
    error: z.object({ message: z.string().optional() }).optional(),
    scheduleItems: z.array(z.object({ status: z.string(), start: DateTimeTimeZone, end: DateTimeTimeZone })).optional(),
  })),
});

const EventTimes = z.object({ id: z.string(), start: DateTimeTimeZone, end: DateTimeTimeZone, isCancelled: z.boolean().optional() });
const EventPage = z.object({ value: z.array(EventTimes), '@odata.nextLink': z.string().optional() });
/** What the poll for changes made in Outlook reads of each event. */
const eventTimesSelect = ['id', 'start', 'end', 'isCancelled'];
/** Times in UTC: compared as instants with the Meetings list, no clock change to mind. */
const preferUtc = 'outlook.timezone="UTC"';
const CALENDAR_VIEW_PAGE = 100;

const timesOf = (e: z.infer<typeof EventTimes>): CalendarEvent => ({ eventId: e.id, start: instantOf(e.start), end: instantOf(e.end), isCancelled: e.isCancelled ?? false });

/** Statuses that keep a slot from being offered, lower case: the free/busy guide's example answers "Tentative", "Busy". */
const busyStatuses = new Set(['tentative', 'busy', 'oof', 'workingelsewhere', 'unknown']);

const user = (id: string) => `/users/${encodeURIComponent(id)}`;
const event = (organiserId: string, eventId: string) => `${user(organiserId)}/events/${encodeURIComponent(eventId)}`;

/** An instant as Graph's dateTimeTimeZone, in UTC (unambiguous across the clock changes). */
const utc = (d: Date) => ({ dateTime: d.toISOString().replace('Z', ''), timeZone: 'UTC' });

/** A dateTimeTimeZone as Graph returns it (London with the Prefer header, else UTC), as an instant. */
function instantOf(value: z.infer<typeof DateTimeTimeZone>): Date {
  const zone = value.timeZone === 'Europe/London' || value.timeZone === 'GMT Standard Time' ? LONDON : 'UTC';
  const read = DateTime.fromISO(value.dateTime.replace(/Z$/, ''), { zone });
  if (!read.isValid) throw new Error(`Graph returned a time that cannot be read: ${value.dateTime}`);
  return read.toJSDate();
}

/** getSchedule's documented limits: at most 20 mailboxes, a window under 62 days. */
const MAX_SCHEDULES = 20;
const MAX_WINDOW_MS = 62 * 24 * 60 * 60 * 1000;

const statusOf = (error: unknown): number | undefined => (error as { statusCode?: number }).statusCode;

/** Outlook calendar events, app-only: private, Teams-linked when online, created once per transactionId. */
export class GraphCalendar implements Calendar {
  /**
   * `askVia`: a mailbox of the tenant getSchedule is asked through (the service mailbox). Without it, the
   * addresses are tried in turn: one outside the tenant (a school's SENCo) answers 404 as the asking mailbox.
   */
  constructor(private readonly client: Client, private readonly askVia?: string) {}

  async busyTimes(addresses: readonly string[], from: Date, to: Date): Promise<Map<string, BusyTime[]>> {
    const result = new Map<string, BusyTime[]>();
    if (addresses.length === 0) return result;
    if (addresses.length > MAX_SCHEDULES) throw new Error(`getSchedule takes at most ${MAX_SCHEDULES} mailboxes at once (asked for ${addresses.length})`);
    if (to.getTime() - from.getTime() >= MAX_WINDOW_MS) throw new Error('getSchedule takes a window under 62 days');
    const body = { schedules: addresses, startTime: utc(from), endTime: utc(to), availabilityViewInterval: 1440 };
    const answer = Schedules.parse(await this.askSchedule(this.askVia ? [this.askVia] : addresses, body));
    for (const schedule of answer.value) {
      // An address Graph cannot read (outside the tenant) comes back with an error: left out of the map.
      if (schedule.error) continue;
      result.set(
        schedule.scheduleId,
        (schedule.scheduleItems ?? []).filter((i) => busyStatuses.has(i.status.toLowerCase())).map((i) => ({ start: instantOf(i.start), end: instantOf(i.end) })),
      );
    }
    return result;
  }

  /** getSchedule asked through the first of `via` that is a mailbox of the tenant (app-only: any will do). */
  private async askSchedule(via: readonly string[], body: unknown): Promise<unknown> {
    for (const [index, mailbox] of via.entries()) {
      try {
        return await this.client.api(`${user(mailbox)}/calendar/getSchedule`).header('Prefer', preferLondon).post(body);
      } catch (error) {
        if (statusOf(error) !== 404 || index === via.length - 1) throw error;
      }
    }
    throw new Error('no mailbox to ask getSchedule through');
  }

  async book(request: MeetingRequest): Promise<BookedEvent> {
    const created = CreatedEvent.parse(
      await this.client.api(`${user(request.organiserId)}/events`).header('Prefer', preferLondon).post({
        subject: request.subject,
        body: { contentType: 'text', content: request.body },
        start: utc(request.start),
        end: utc(request.end),
        sensitivity: 'private',
        showAs: 'busy',
        transactionId: request.transactionId,
        attendees: request.attendees.map((a) => ({ emailAddress: { address: a.email, ...(a.name ? { name: a.name } : {}) }, type: 'required' })),
        // Each attendee sees only themselves when several are invited.
        ...(request.attendees.length > 1 ? { hideAttendees: true } : {}),
        ...(request.location ? { location: { displayName: request.location } } : {}),
        ...(request.online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
      }),
    );
    // A retry answers the first event: if that meeting was cancelled since, this key cannot book again.
    if (created.isCancelled) throw new Error(`The meeting booked with transactionId ${request.transactionId} was cancelled: book it again with a new key`);
    return { eventId: created.id, joinUrl: created.onlineMeeting?.joinUrl ?? null };
  }

  async move(organiserId: string, eventId: string, change: EventChange): Promise<void> {
    // Time and location only: a PATCH carrying the body can give the meeting a new join link.
    await this.client.api(event(organiserId, eventId)).header('Prefer', preferLondon).patch({
      start: utc(change.start),
      end: utc(change.end),
      ...(change.location ? { location: { displayName: change.location } } : {}),
    });
  }

  async cancel(organiserId: string, eventId: string, comment: string): Promise<void> {
    try {
      await this.client.api(`${event(organiserId, eventId)}/cancel`).post({ comment });
    } catch (error) {
      // Already cancelled and gone from the calendar: what was asked for is so (an unknown organiser is not).
      if (statusOf(error) === 404 && (error as { code?: string }).code === 'ErrorItemNotFound') return;
      throw error;
    }
  }

  async joinUrl(organiserId: string, eventId: string): Promise<string | null> {
    const read = CreatedEvent.parse(await this.client.api(event(organiserId, eventId)).select(['id', 'isOnlineMeeting', 'onlineMeeting']).get());
    return read.onlineMeeting?.joinUrl ?? null;
  }

  async calendarView(organiserId: string, from: Date, to: Date): Promise<CalendarEvent[]> {
    const found: CalendarEvent[] = [];
    let page = EventPage.parse(
      await this.client
        .api(`${user(organiserId)}/calendarView`)
        .header('Prefer', preferUtc)
        .query({ startDateTime: from.toISOString(), endDateTime: to.toISOString() })
        .select(eventTimesSelect)
        .top(CALENDAR_VIEW_PAGE)
        .get(),
    );
    found.push(...page.value.map(timesOf));
    for (let next = page['@odata.nextLink']; next; next = page['@odata.nextLink']) {
      page = EventPage.parse(await this.client.api(next).header('Prefer', preferUtc).get());
      found.push(...page.value.map(timesOf));
    }
    return found;
  }

  async eventNow(organiserId: string, eventId: string): Promise<CalendarEvent | null> {
    try {
      return timesOf(EventTimes.parse(await this.client.api(event(organiserId, eventId)).header('Prefer', preferUtc).select(eventTimesSelect).get()));
    } catch (error) {
      // Cancelled or deleted by its organiser: gone from the calendar (an unknown organiser is another error).
      if (statusOf(error) === 404 && (error as { code?: string }).code === 'ErrorItemNotFound') return null;
      throw error;
    }
  }
}
