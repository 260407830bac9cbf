import type { Client } from '@microsoft/microsoft-graph-client';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { BookedEvent, BusyTime, Calendar, EventChange, MeetingRequest } from '../../workflow';

/** Times are sent and read as London wall-clock times, as Outlook shows them to staff. */
const LONDON = 'Europe/London';
const preferLondon = `outlook.timezone="${LONDON}"`;

const DateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string() });
const CreatedEvent = z.object({ id: z.string(), onlineMeeting: z.object({ joinUrl: z.string().nullable().optional() }).nullable().optional() });
const Schedules = z.object({
  value: z.array(z.object({
    scheduleId: z.string(),
    error: z.object({ message: z.string().optional() }).optional(),
    scheduleItems: z.array(z.object({ status: z.string(), start: DateTimeTimeZone, end: DateTimeTimeZone })).optional(),
  })),
});

/** Statuses that keep a slot from being offered. */
const busyStatuses = new Set(['tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']);

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

/** Outlook calendar events, app-only: private, Teams-linked when online, created once per transactionId. */
export class GraphCalendar implements Calendar {
  constructor(private readonly client: Client) {}

  async busyTimes(addresses: readonly string[], from: Date, to: Date): Promise<Map<string, BusyTime[]>> {
    const result = new Map<string, BusyTime[]>();
    if (addresses.length === 0) return result;
    // getSchedule is asked through one mailbox's calendar; any of them will do (app-only).
    const answer = Schedules.parse(
      await this.client.api(`${user(addresses[0] as string)}/calendar/getSchedule`).header('Prefer', preferLondon).post({
        schedules: addresses,
        startTime: utc(from),
        endTime: utc(to),
        availabilityViewInterval: 15,
      }),
    );
    for (const schedule of answer.value) {
      if (schedule.error) continue;
      result.set(
        schedule.scheduleId,
        (schedule.scheduleItems ?? []).filter((i) => busyStatuses.has(i.status)).map((i) => ({ start: instantOf(i.start), end: instantOf(i.end) })),
      );
    }
    return result;
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
      // Already cancelled and gone from the calendar: what was asked for is so.
      if ((error as { statusCode?: number }).statusCode === 404) return;
      throw error;
    }
  }

  async joinUrl(organiserId: string, eventId: string): Promise<string | null> {
    const read = CreatedEvent.parse(await this.client.api(event(organiserId, eventId)).select(['id', 'isOnlineMeeting', 'onlineMeeting']).get());
    return read.onlineMeeting?.joinUrl ?? null;
  }
}
