import { z } from 'zod';
import { Email, Instant } from '../../model/common';
import type { BookedMeeting } from '../../ports/services';
import { fail, ok } from '../../result';
import { workflowError } from '../../errors';
import { openCaseRule } from '../../rules/closing';
import type { UseCase } from '../deps';
import { audit } from '../support/audit';
import { loadCase } from '../support/caseAccess';
import { parseInput } from '../support/input';

export const MeetingKind = z.enum(['initial-school-meeting', 'home-visit', 'teams-call-with-parent', 'contract-meeting', 'review', 'other']);

const labels: Record<z.infer<typeof MeetingKind>, string> = {
  'initial-school-meeting': 'Initial meeting',
  'home-visit': 'Home visit',
  'teams-call-with-parent': 'Teams call',
  'contract-meeting': 'Contract meeting',
  review: 'Review meeting',
  other: 'Meeting',
};

export const BookMeetingInput = z
  .object({
    caseId: z.string().min(1),
    requestKey: z.string().min(8),
    kind: MeetingKind,
    start: Instant,
    end: Instant,
    attendees: z.array(Email),
    online: z.boolean(),
    location: z.string().trim().min(1).optional(),
  })
  .refine((m) => m.end > m.start, { message: 'the end must be after the start', path: ['end'] });

/**
 * Books a meeting in the worker's calendar. Rule "Order" governs records, not bookings: a
 * meeting can be booked at any step of an open case. The subject carries the case reference
 * only; the event is private.
 */
export const bookMeeting: UseCase<unknown, BookedMeeting> = async (deps, actor, raw) => {
  const parsed = parseInput(BookMeetingInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const loaded = await loadCase(deps, actor, input.caseId);
  if (!loaded.ok) return loaded;
  const open = openCaseRule(loaded.value);
  if (!open.ok) return open;
  if (input.kind === 'teams-call-with-parent' && !input.online) {
    return fail(workflowError('ValidationFailed', 'A Teams call must be an online meeting.', { field: 'online' }));
  }
  const booked = await deps.calendar.book({
    organiserId: loaded.value.workerId ?? actor.userId,
    subject: `${labels[input.kind]}: case ${loaded.value.reference}`,
    start: new Date(input.start),
    end: new Date(input.end),
    attendees: input.attendees,
    online: input.online,
    ...(input.location ? { location: input.location } : {}),
  });
  await audit(deps, actor, 'meeting.booked', input.caseId, input.requestKey, { kind: input.kind, eventId: booked.eventId });
  return ok(booked);
};
