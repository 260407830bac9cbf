import type { BookedEvent, BusyTime, Calendar, CalendarEvent, EventChange, MeetingRequest } from '../../../workflow';

export interface MemoryEvent extends MeetingRequest {
  eventId: string;
  joinUrl: string | null;
  cancelled?: { comment: string };
  /** How many times the event was moved. */
  moves: number;
}

/**
 * Outlook calendars in memory: events by organiser, a Teams link when online (none for the
 * organisers in `withoutTeams`), `transactionId` deduplication as Exchange does it, and busy
 * times from the events booked plus any `busy` set by a test.
 */
export class MemoryCalendar implements Calendar {
  readonly events: MemoryEvent[] = [];
  /** Busy times by mailbox address, set by tests (besides the events booked here). */
  readonly busy = new Map<string, BusyTime[]>();
  /** Organisers (Entra ids) whose online meetings come back with no link. */
  readonly withoutTeams = new Set<string>();
  /** Mailbox address of each organiser id, for the busy times of booked events. */
  readonly addresses = new Map<string, string>();
  /** Creates that were repeats of an earlier transactionId (answered with the first event). */
  repeatedCreates = 0;

  async busyTimes(addresses: readonly string[], from: Date, to: Date): Promise<Map<string, BusyTime[]>> {
    await Promise.resolve();
    if (addresses.length > 20) throw new Error('Calendar: at most 20 schedules in one request');
    const result = new Map<string, BusyTime[]>();
    for (const address of addresses) {
      const mine = [
        ...(this.busy.get(address.toLowerCase()) ?? []),
        ...this.events.filter((e) => !e.cancelled && this.addresses.get(e.organiserId)?.toLowerCase() === address.toLowerCase()),
      ];
      result.set(address, mine.filter((b) => b.start < to && b.end > from).map((b) => ({ start: new Date(b.start), end: new Date(b.end) })));
    }
    return result;
  }

  async book(request: MeetingRequest): Promise<BookedEvent> {
    await Promise.resolve();
    if (request.end.getTime() <= request.start.getTime()) throw new Error('Calendar: a meeting must end after it starts');
    const earlier = this.events.find((e) => e.organiserId === request.organiserId && e.transactionId === request.transactionId);
    if (earlier) {
      this.repeatedCreates += 1;
      return { eventId: earlier.eventId, joinUrl: earlier.joinUrl };
    }
    const n = this.events.length + 1;
    const joinUrl = request.online && !this.withoutTeams.has(request.organiserId) ? `https://teams.example/l/meetup-join/meeting-${n}` : null;
    this.events.push({ ...structuredClone(request), eventId: `event-${n}`, joinUrl, moves: 0 });
    return { eventId: `event-${n}`, joinUrl };
  }

  async move(organiserId: string, eventId: string, change: EventChange): Promise<void> {
    await Promise.resolve();
    const event = this.eventOf(organiserId, eventId);
    event.start = new Date(change.start);
    event.end = new Date(change.end);
    if (change.location) event.location = change.location;
    event.moves += 1;
  }

  async cancel(organiserId: string, eventId: string, comment: string): Promise<void> {
    await Promise.resolve();
    const event = this.events.find((e) => e.organiserId === organiserId && e.eventId === eventId);
    if (event && !event.cancelled) event.cancelled = { comment };
  }

  async joinUrl(organiserId: string, eventId: string): Promise<string | null> {
    await Promise.resolve();
    return this.eventOf(organiserId, eventId).joinUrl;
  }

  /** Calendar views asked for (organiser ids): the poll reads each organiser once. */
  readonly viewsRead: string[] = [];

  async calendarView(organiserId: string, from: Date, to: Date): Promise<CalendarEvent[]> {
    await Promise.resolve();
    this.viewsRead.push(organiserId);
    // Like calendarView in the organiser's mailbox: cancelled events are gone from it.
    return this.events
      .filter((e) => e.organiserId === organiserId && !e.cancelled && e.start < to && e.end > from)
      .map((e) => ({ eventId: e.eventId, start: new Date(e.start), end: new Date(e.end), isCancelled: false }));
  }

  async eventNow(organiserId: string, eventId: string): Promise<CalendarEvent | null> {
    await Promise.resolve();
    const e = this.events.find((x) => x.organiserId === organiserId && x.eventId === eventId);
    return e && !e.cancelled ? { eventId, start: new Date(e.start), end: new Date(e.end), isCancelled: false } : null;
  }

  /** Events still standing (not cancelled). */
  get live(): MemoryEvent[] {
    return this.events.filter((e) => !e.cancelled);
  }

  private eventOf(organiserId: string, eventId: string): MemoryEvent {
    const event = this.events.find((e) => e.organiserId === organiserId && e.eventId === eventId);
    if (!event) throw new Error(`Calendar: no event ${eventId} in that calendar`);
    return event;
  }
}
