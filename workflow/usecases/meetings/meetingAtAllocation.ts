import { readableDateTime } from '../../calendar/showDates';
import type { Case } from '../../model/case';
import type { Staff } from '../../model/staff';
import type { MeetingOffer } from '../../ports/services';
import type { Versioned } from '../../ports/store';
import type { WorkflowDeps } from '../deps';
import { bookFirstFreeFor } from './bookFirstFree';
import { contextFor } from './meetingContext';
import { proposeFor } from './proposeMeeting';

/** What allocation adds to the worker's notice about the initial school meeting. */
export interface AllocationMeeting {
  /** Three times to choose from (BOOKING_MODE=propose). */
  offer?: MeetingOffer;
  /** The meeting booked outright (BOOKING_MODE=auto). */
  meetingId?: string;
  /** The sentence the notice says about it. */
  said: string;
}

const fallback = 'Book the initial school meeting from the case.';

/**
 * Step 4 follows allocation: the worker is offered three times for the initial school meeting, or
 * (BOOKING_MODE=auto) the first free one is booked in their calendar, which they can move. The
 * allocation stands whatever happens here: when the calendar cannot be read, the notice says to
 * book from the case, where "Book the initial school meeting" waits.
 */
export async function meetingAtAllocation(deps: WorkflowDeps, manager: Staff, c: Versioned<Case>, worker: Staff): Promise<AllocationMeeting> {
  try {
    return await offerOrBook(deps, manager, c, worker);
  } catch {
    // Outlook could not be reached (the allocation is already saved): the case card offers the booking.
    return { said: fallback };
  }
}

async function offerOrBook(deps: WorkflowDeps, manager: Staff, c: Versioned<Case>, worker: Staff): Promise<AllocationMeeting> {
  const context = await contextFor(deps, c, worker);
  if (!context.ok) return { said: fallback };
  if (deps.config.booking.mode === 'auto') {
    const booked = await bookFirstFreeFor(deps, manager, context.value, { kind: 'school-meeting', requestKey: `school-meeting-${c.id}-${worker.userId}` });
    if (booked.ok && booked.value.booked) {
      return { meetingId: booked.value.booked.meeting.id, said: `The initial school meeting is booked in your calendar for ${readableDateTime(booked.value.booked.meeting.start)}; move it from the case if it does not suit.` };
    }
    return { said: booked.ok ? 'No time was free for the initial school meeting in its ten school days: choose one from the case.' : fallback };
  }
  const proposal = await proposeFor(deps, context.value, 'school-meeting');
  if (!proposal.ok || proposal.value.slots.length === 0) return { said: fallback };
  const { slots, nextWindow } = proposal.value;
  return {
    offer: { kind: 'school-meeting', childId: c.childId, slots: slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })) },
    said: nextWindow ? 'Nothing is free for the initial school meeting in its ten school days; here are the next free times.' : 'Pick a time for the initial school meeting:',
  };
}
