import { z } from 'zod';
import { IsoDate, ListItemId } from '../../model/common';
import { MeetingKind } from '../../model/meeting';
import { ok } from '../../result';
import type { UseCase } from '../deps';
import { parseInput } from '../support/input';
import { bookMeeting, type MeetingBooked } from './bookMeeting';
import { proposeMeeting, type MeetingProposal } from './proposeMeeting';

export const BookFirstFreeInput = z.object({ caseId: ListItemId, kind: MeetingKind, requestKey: z.string().min(8), on: IsoDate.optional() });

/** Booked, or (nothing free in the window the process wants) the proposal, for the worker to choose from. */
export type FirstFreeOutcome = { booked: MeetingBooked; proposal: MeetingProposal } | { booked?: undefined; proposal: MeetingProposal };

/**
 * "Book the first free time for me": the first time proposed, in the window the process wants
 * (not the next one: a time outside the window is the worker's to choose). Used by approval (the
 * review on the agreed date) and by allocation when BOOKING_MODE is auto.
 */
export const bookFirstFree: UseCase<unknown, FirstFreeOutcome> = async (deps, actor, raw) => {
  const parsed = parseInput(BookFirstFreeInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, kind, requestKey, on } = parsed.value;
  const proposal = await proposeMeeting(deps, actor, { caseId, kind, ...(on ? { on } : {}) });
  if (!proposal.ok) return proposal;
  const [first] = proposal.value.slots;
  if (!first || proposal.value.nextWindow) return ok({ proposal: proposal.value });
  const booked = await bookMeeting(deps, actor, { caseId, kind, requestKey, start: first.start.toISOString(), end: first.end.toISOString(), childId: proposal.value.childId });
  return booked.ok ? ok({ booked: booked.value, proposal: proposal.value }) : booked;
};
