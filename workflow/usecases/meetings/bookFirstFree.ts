import { z } from 'zod';
import { IsoDate, ListItemId } from '../../model/common';
import { MeetingKind } from '../../model/meeting';
import type { Staff } from '../../model/staff';
import { ok, type Result } from '../../result';
import type { UseCase, WorkflowDeps } from '../deps';
import { parseInput } from '../support/input';
import { bookSlot, type MeetingBooked } from './bookMeeting';
import { meetingContext, type MeetingContext } from './meetingContext';
import { proposeFor, type MeetingProposal } from './proposeMeeting';

export const BookFirstFreeInput = z.object({ caseId: ListItemId, kind: MeetingKind, requestKey: z.string().min(8), on: IsoDate.optional() });

/** Booked, or (nothing free in the window the process wants) the proposal, for the worker to choose from. */
export type FirstFreeOutcome = { booked: MeetingBooked; proposal: MeetingProposal } | { booked?: undefined; proposal: MeetingProposal };

/**
 * "Book the first free time for me": the first time proposed, in the window the process wants
 * (not the next one: a time outside the window is the worker's to choose).
 */
export const bookFirstFree: UseCase<unknown, FirstFreeOutcome> = async (deps, actor, raw) => {
  const parsed = parseInput(BookFirstFreeInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, kind, requestKey, on } = parsed.value;
  const context = await meetingContext(deps, actor, caseId, false);
  if (!context.ok) return context;
  return bookFirstFreeFor(deps, actor, context.value, { kind, requestKey, ...(on ? { on } : {}) });
};

/**
 * The same for a case already loaded (approval: the review on the agreed date; allocation with
 * BOOKING_MODE=auto): the free/busy and the case's meetings in one round trip, then the event,
 * then its record.
 */
export async function bookFirstFreeFor(
  deps: WorkflowDeps,
  actor: Staff,
  context: MeetingContext,
  wanted: { kind: MeetingKind; requestKey: string; on?: string },
): Promise<Result<FirstFreeOutcome>> {
  const [proposal, meetings] = await Promise.all([proposeFor(deps, context, wanted.kind, wanted.on), deps.stores.meetings.find({ caseId: context.case.id })]);
  if (!proposal.ok) return proposal;
  const [first] = proposal.value.slots;
  if (!first || proposal.value.nextWindow) return ok({ proposal: proposal.value });
  const booked = await bookSlot(deps, actor, context, meetings, { kind: wanted.kind, start: first.start, end: first.end, requestKey: wanted.requestKey });
  return booked.ok ? ok({ booked: booked.value, proposal: proposal.value }) : booked;
}
