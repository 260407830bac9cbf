import { z } from 'zod';
import { londonDate } from '../../calendar/londonTime';
import { readableDateTime } from '../../calendar/showDates';
import { workflowError } from '../../errors';
import { Email, Instant, ListItemId } from '../../model/common';
import { MeetingKind, standing, type Meeting } from '../../model/meeting';
import type { NewItem, Versioned } from '../../ports/store';
import type { Job } from '../../model/job';
import { fail, ok, type Result } from '../../result';
import type { UseCase, WorkflowDeps } from '../deps';
import { audit } from '../support/audit';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import { UnitOfWork } from '../support/unitOfWork';
import { checkMeetingTime } from './meetingTime';
import { meetingContext, type MeetingContext } from './meetingContext';
import { isParentMeeting, meetingParties, type PhoneContact } from './meetingParties';
import { isOnline, LINK_REREAD_MINUTES, meetingBody, meetingLabels, meetingSubject } from './meetingWords';
import type { Staff } from '../../model/staff';
import { reminderJob } from '../../jobs/meetings/reminderJob';
import { watchJob } from '../../jobs/meetings/watchJob';

export const BookMeetingInput = z.object({
  caseId: ListItemId,
  requestKey: z.string().min(8),
  kind: MeetingKind,
  start: Instant,
  /** Absent: the kind's usual length. */
  end: Instant.optional(),
  /** School staff to invite besides the SENCo (school meetings only). */
  alsoInvite: z
    .array(z.string().refine((v) => Email.safeParse(v).success, { message: '"Also invite" takes e-mail addresses, one per line.', params: { sentence: true } }))
    .max(10, { message: 'Invite at most 10 more people to one meeting.' })
    .default([]),
  /** The case's child, carried by the card so it is read beside the case (checked against it). */
  childId: ListItemId.optional(),
});

export interface MeetingBooked {
  meeting: Versioned<Meeting>;
  /** A repeat of a booking already made (double click, retry): nothing new was booked. */
  repeated: boolean;
  /** Parents to phone rather than invite. */
  phone: PhoneContact[];
}

/**
 * Books a meeting for a case in the worker's calendar, with a Teams link (home visits: none),
 * inviting the school's SENCo (school meetings) or the parents who take e-mail (home visits and
 * calls). Rule "Order" governs records, not bookings: any step of an open case. The event's
 * transactionId is the booking's key, so a retry after a crash makes no second event.
 */
export const bookMeeting: UseCase<unknown, MeetingBooked> = async (deps, actor, raw) => {
  const parsed = parseInput(BookMeetingInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const parents = isParentMeeting(input.kind);
  const [context, meetings] = await Promise.all([
    meetingContext(deps, actor, input.caseId, parents, parents && input.childId ? deps.stores.children.get(input.childId) : undefined),
    deps.stores.meetings.find({ caseId: input.caseId }),
  ]);
  if (!context.ok) return context;
  const start = new Date(input.start);
  const end = input.end ? new Date(input.end) : new Date(start.getTime() + deps.config.booking.policy.minutes[input.kind] * 60_000);
  return bookSlot(deps, actor, context.value, meetings, { kind: input.kind, start, end, requestKey: input.requestKey, alsoInvite: input.alsoInvite });
};

export interface SlotToBook {
  kind: Meeting['kind'];
  start: Date;
  end: Date;
  requestKey: string;
  alsoInvite?: readonly string[];
}

/** Books a time for a case already loaded, given its meetings as read: a repeat of the same request returns the first booking. */
export async function bookSlot(deps: WorkflowDeps, actor: Staff, context: MeetingContext, meetings: readonly Versioned<Meeting>[], slot: SlotToBook): Promise<Result<MeetingBooked>> {
  const { case: c, organiser, school, child } = context;
  const key = `meeting:${slot.requestKey}`;
  const parties = meetingParties(slot.kind, school, child, slot.alsoInvite);
  const earlier = meetings.find((m) => m.transactionId === key);
  if (earlier) return ok({ meeting: earlier, repeated: true, phone: parties.phone });
  const { start, end, kind } = slot;
  const time = checkMeetingTime(deps, context.calendar, kind, start, end);
  if (!time.ok) return time;
  const clash = alreadyBooked(meetings, kind, deps.clock.now());
  if (clash) return clash;
  const event = await deps.calendar.book({
    organiserId: organiser.userId,
    subject: meetingSubject(kind, c.reference),
    body: meetingBody(deps.config.serviceName, c.reference, organiser.displayName),
    start,
    end,
    attendees: parties.invited.map((a) => ({ email: a.email, ...(a.name ? { name: a.name } : {}) })),
    online: isOnline(kind),
    ...(isParentMeeting(kind) ? {} : { location: school.name }),
    transactionId: key,
  });
  const { at } = now(deps);
  const meeting: Omit<Meeting, 'id'> = {
    caseId: c.id,
    kind,
    status: 'booked',
    organiserId: organiser.userId,
    eventId: event.eventId,
    transactionId: key,
    start: start.toISOString(),
    end: end.toISOString(),
    online: isOnline(kind),
    ...(event.joinUrl ? { joinUrl: event.joinUrl } : {}),
    ...(isParentMeeting(kind) ? {} : { location: school.name }),
    attendees: parties.invited,
    phoneInstead: parties.phone.length > 0,
    createdBy: actor.userId,
    createdAt: at,
    updatedBy: actor.userId,
    updatedAt: at,
  };
  return ok({ meeting: await record(deps, actor, meeting, key), repeated: false, phone: parties.phone });
}

/** The meeting kept in the Meetings list, and the booking audited, together. */
async function record(deps: WorkflowDeps, actor: Staff, meeting: Omit<Meeting, 'id'>, key: string): Promise<Versioned<Meeting>> {
  const unit = new UnitOfWork(deps.batching, key);
  const created = unit.add('meeting', () => deps.stores.meetings.create(meeting, key));
  unit.add('audit', () => audit(deps, actor, 'meeting.booked', meeting.caseId, key, { kind: meeting.kind, on: londonDate(new Date(meeting.start)) }), ['meeting']);
  // No Teams link yet: it is read again later, and the worker told if it stays empty.
  if (meeting.online && !meeting.joinUrl) unit.add('link-job', () => deps.jobs.enqueue(linkJob(meeting, key, deps.clock.now()), `join-link:${key}`), ['meeting']);
  // The working day before, the worker is reminded; meanwhile Outlook is watched for the meeting moved or cancelled there.
  const reminder = reminderJob(key, meeting.start, deps.config.bankHolidays, deps.clock.now());
  if (reminder) unit.add('reminder-job', () => deps.jobs.enqueue(reminder.job, reminder.key), ['meeting']);
  const watch = watchJob(deps.clock.now());
  unit.add('watch-job', () => deps.jobs.enqueue(watch.job, watch.key), ['meeting']);
  await unit.flush();
  return created().item;
}

function linkJob(meeting: Omit<Meeting, 'id'>, key: string, now: Date): NewItem<Job> {
  const at = now.toISOString();
  const dueAt = new Date(now.getTime() + LINK_REREAD_MINUTES * 60_000).toISOString();
  return { kind: 'join-link', dueAt, payload: { meetingKey: key, caseId: meeting.caseId }, status: 'queued', attempts: 0, createdAt: at, updatedAt: at };
}

/** One standing meeting of a kind at a time (its time can be moved); a review can be booked again once the last one has passed. */
function alreadyBooked(meetings: readonly Meeting[], kind: Meeting['kind'], at: Date): Result<never> | undefined {
  const upcoming = meetings.find((m) => m.kind === kind && standing(m) && new Date(m.end) > at);
  if (!upcoming) return undefined;
  return fail(workflowError('AlreadyDone', `The ${meetingLabels[kind].toLowerCase()} is already booked for ${readableDateTime(upcoming.start)}: move or cancel that one instead.`, { rule: 'Booking policy' }));
}
