import { z } from 'zod';
import { londonDate } from '../../calendar/londonTime';
import { readableDateTime } from '../../calendar/showDates';
import { workflowError } from '../../errors';
import { Instant, ListItemId, Text, textLimits, upTo } from '../../model/common';
import { standing, type Meeting } from '../../model/meeting';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import type { UseCase, WorkflowDeps } from '../deps';
import { audit } from '../support/audit';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import { UnitOfWork } from '../support/unitOfWork';
import { meetingContext, type MeetingContext } from './meetingContext';
import { checkMeetingTime } from './meetingTime';
import { meetingLabels } from './meetingWords';
import { reminderJob } from '../../jobs/meetings/reminderJob';

const MeetingRef = z.object({ caseId: ListItemId, meetingId: ListItemId, requestKey: z.string().min(8) });
export const MoveMeetingInput = MeetingRef.extend({ start: Instant, end: Instant.optional() });
export const CancelMeetingInput = MeetingRef.extend({ reason: upTo(Text, textLimits.line) });

export interface MeetingChanged {
  meeting: Versioned<Meeting>;
  /** The same change was already made (a double click, a stale card): nothing new was done. */
  repeated: boolean;
}

/** Moves a booked meeting: the same event, its time only (never its body, which holds the Teams link), so attendees get an update, not a second invitation. */
export const moveMeeting: UseCase<unknown, MeetingChanged> = async (deps, actor, raw) => {
  const parsed = parseInput(MoveMeetingInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const found = await meetingOfCase(deps, actor, input.caseId, input.meetingId);
  if (!found.ok) return found;
  const { meeting, context } = found.value;
  const start = new Date(input.start);
  const end = input.end ? new Date(input.end) : new Date(start.getTime() + (new Date(meeting.end).getTime() - new Date(meeting.start).getTime()));
  if (meeting.start === start.toISOString() && meeting.end === end.toISOString()) return ok({ meeting, repeated: meeting.status === 'moved' });
  const time = checkMeetingTime(deps, context.calendar, meeting.kind, start, end);
  if (!time.ok) return time;
  const eventId = meeting.eventId;
  if (!eventId) return fail(workflowError('InvalidState', 'This meeting has no calendar event yet, so it cannot be moved. Try again in a minute.'));
  const { at } = now(deps);
  const unit = new UnitOfWork(deps.batching, input.requestKey);
  unit.add('event', () => deps.calendar.move(meeting.organiserId, eventId, { start, end }));
  const updated = unit.add('meeting', () => deps.stores.meetings.update(meeting.id, { start: start.toISOString(), end: end.toISOString(), status: 'moved', updatedBy: actor.userId, updatedAt: at }, meeting.etag), ['event']);
  unit.add('audit', () => audit(deps, actor, 'meeting.moved', meeting.caseId, `${meeting.id}:${input.requestKey}`, { kind: meeting.kind, to: londonDate(start) }), ['meeting']);
  // A reminder for the new time; the old time's finds the meeting moved and does nothing.
  const reminder = reminderJob(meeting.transactionId, start.toISOString(), deps.config.bankHolidays, deps.clock.now());
  if (reminder) unit.add('reminder-job', () => deps.jobs.enqueue(reminder.job, reminder.key), ['meeting']);
  await unit.flush();
  return ok({ meeting: updated(), repeated: false });
};

/** Cancels a booked meeting: Outlook's cancel, with the reason as its comment to everyone invited. */
export const cancelMeeting: UseCase<unknown, MeetingChanged> = async (deps, actor, raw) => {
  const parsed = parseInput(CancelMeetingInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const found = await meetingOfCase(deps, actor, input.caseId, input.meetingId, true);
  if (!found.ok) return found;
  const { meeting } = found.value;
  if (meeting.status === 'cancelled') return ok({ meeting, repeated: true });
  const { at } = now(deps);
  const unit = new UnitOfWork(deps.batching, input.requestKey);
  const eventId = meeting.eventId;
  if (eventId) unit.add('event', () => deps.calendar.cancel(meeting.organiserId, eventId, input.reason));
  const updated = unit.add('meeting', () => deps.stores.meetings.update(meeting.id, { status: 'cancelled', cancelledReason: input.reason, updatedBy: actor.userId, updatedAt: at }, meeting.etag), eventId ? ['event'] : []);
  unit.add('audit', () => audit(deps, actor, 'meeting.cancelled', meeting.caseId, `${meeting.id}:cancel`, { kind: meeting.kind }), ['meeting']);
  await unit.flush();
  return ok({ meeting: updated(), repeated: false });
};

/** The meeting, checked to be this case's and still standing, with the case the actor may act on. */
async function meetingOfCase(
  deps: WorkflowDeps,
  actor: Staff,
  caseId: string,
  meetingId: string,
  /** A cancelled meeting is returned (cancelling it again is a repeat), not refused. */
  cancelledToo = false,
): Promise<Result<{ meeting: Versioned<Meeting>; context: MeetingContext }>> {
  const [meeting, context] = await Promise.all([deps.stores.meetings.get(meetingId), meetingContext(deps, actor, caseId, false)]);
  if (!context.ok) return context;
  if (!meeting || meeting.caseId !== caseId) return fail(workflowError('NotFound', 'That meeting was not found on this case.', { field: 'meetingId' }));
  if (meeting.status === 'cancelled' && cancelledToo) return ok({ meeting, context: context.value });
  if (!standing(meeting)) {
    const what = `${meetingLabels[meeting.kind]} of ${readableDateTime(meeting.start)}`;
    return fail(workflowError('InvalidState', `The ${what.toLowerCase()} is ${meeting.status}: it can no longer be changed.`, { field: 'meetingId' }));
  }
  return ok({ meeting, context: context.value });
}
