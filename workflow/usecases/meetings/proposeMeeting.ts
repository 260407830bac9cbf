import { z } from 'zod';
import { daysBetween, plusDays } from '../../calendar/calendarDate';
import { londonInstant } from '../../calendar/londonTime';
import { workflowError } from '../../errors';
import { IsoDate, ListItemId } from '../../model/common';
import { MeetingKind } from '../../model/meeting';
import { fail, ok } from '../../result';
import { meetingWindow, type Window } from '../../scheduling/meetingWindows';
import { proposeSlots, type Interval } from '../../scheduling/proposeSlots';
import type { UseCase, WorkflowDeps } from '../deps';
import { auditRead } from '../support/audit';
import { parseInput } from '../support/input';
import { meetingContext, type MeetingContext } from './meetingContext';
import { isParentMeeting, meetingParties, type MeetingParties } from './meetingParties';

export const ProposeMeetingInput = z.object({
  caseId: ListItemId,
  kind: MeetingKind,
  /** A date agreed already (the contract's review date): times that day only, rather than the window the process would choose. */
  on: IsoDate.optional(),
});

export interface MeetingProposal {
  caseId: string;
  caseReference: string;
  /** The child, for the card to carry to the booking (read beside the case there). */
  childId: string;
  kind: MeetingKind;
  organiserId: string;
  organiserName: string;
  minutes: number;
  /** Where the process wants the meeting (London dates). */
  window: Window;
  /** Up to three free times, earliest first. */
  slots: Interval[];
  /** Nothing was free in `window`: the slots (if any) are from this next window. */
  nextWindow?: Window;
  parties: MeetingParties;
}

/** The longest span one free/busy request may cover (Graph: under 62 days). */
const FREE_BUSY_DAYS = 61;

/**
 * Three times for a meeting of a case: in the window the process wants it, on the school's days,
 * in the hours its kind keeps, clear of the worker's diary. When nothing in the window is free, the
 * next window's times, saying so. Two round trips: the case; then the worker's free/busy beside the
 * child (parents to invite or phone).
 */
export const proposeMeeting: UseCase<unknown, MeetingProposal> = async (deps, actor, raw) => {
  const parsed = parseInput(ProposeMeetingInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, kind, on } = parsed.value;
  const context = await meetingContext(deps, actor, caseId, false);
  if (!context.ok) return context;
  // The read is audited beside the free/busy request (the proposal shows parents' contact details).
  const [proposal] = await Promise.all([proposeFor(deps, context.value, kind, on), auditRead(deps, actor, 'case.read', caseId, { purpose: `propose-${kind}` })]);
  return proposal;
};

/** The proposal for a case already loaded (allocation proposes the school meeting in the same action). */
export async function proposeFor(deps: WorkflowDeps, context: MeetingContext, kind: MeetingKind, on?: string): ReturnType<UseCase<unknown, MeetingProposal>> {
  const { case: c, calendar, organiser } = context;
  const now = deps.clock.now();
  const window = on ? ok({ from: on, to: on }) : meetingWindow(kind, c, calendar, now);
  if (!window.ok) return window;
  const from = new Date(Math.max(now.getTime(), londonInstant(window.value.from, '00:00').getTime()));
  // The window and, after it, room for the next one (as long again, and two weeks of holiday), within Graph's limit.
  const span = daysBetween(window.value.from, window.value.to);
  const to = londonInstant(plusDays(window.value.from, Math.min(FREE_BUSY_DAYS - 1, 2 * span + 15)), '00:00');
  const [busy, child] = await Promise.all([
    deps.calendar.busyTimes([organiser.email], from, to),
    isParentMeeting(kind) ? (context.child ? Promise.resolve(context.child) : deps.stores.children.get(c.childId)) : undefined,
  ]);
  const request = { kind, durationMinutes: deps.config.booking.policy.minutes[kind], busy: busy.get(organiser.email) ?? [], now, calendar };
  const first = proposeSlots({ ...request, window: window.value }, deps.config.booking.policy);
  if (!first.ok) return first;
  let proposal = first.value;
  let nextWindow: Window | undefined;
  if ('nextWindow' in proposal) {
    nextWindow = proposal.nextWindow;
    // The next window's times, when it lies within the free/busy just read (else only its dates are said).
    if (londonInstant(nextWindow.to, '23:59') <= to) {
      const next = proposeSlots({ ...request, window: nextWindow }, deps.config.booking.policy);
      if (!next.ok) return next;
      proposal = next.value;
    }
  }
  if (proposal.slots.length === 0 && !nextWindow) {
    return fail(workflowError('NoMeetingTimeFree', 'Nothing is free in the time the process allows for this meeting. Choose a time yourself.', { rule: 'Booking policy' }));
  }
  return ok({
    caseId: c.id,
    caseReference: c.reference,
    childId: c.childId,
    kind,
    organiserId: organiser.userId,
    organiserName: organiser.displayName,
    minutes: request.durationMinutes,
    window: window.value,
    slots: proposal.slots,
    ...(nextWindow ? { nextWindow } : {}),
    parties: meetingParties(kind, context.school, child),
  });
}
