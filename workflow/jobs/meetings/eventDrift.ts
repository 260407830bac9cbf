import type { Meeting } from '../../model/meeting';
import type { CalendarEvent } from '../../ports/services';

/** How a meeting's event differs from its record: moved in Outlook (new times), cancelled there, or not at all. */
export type Drift = { kind: 'moved'; start: Date; end: Date } | { kind: 'cancelled' } | undefined;

/** Compares the record with the event as Outlook holds it now (null: gone from the organiser's calendar, i.e. cancelled or deleted). */
export function driftOf(meeting: Pick<Meeting, 'start' | 'end'>, event: CalendarEvent | null): Drift {
  if (!event || event.isCancelled) return { kind: 'cancelled' };
  const same = event.start.getTime() === new Date(meeting.start).getTime() && event.end.getTime() === new Date(meeting.end).getTime();
  return same ? undefined : { kind: 'moved', start: event.start, end: event.end };
}
