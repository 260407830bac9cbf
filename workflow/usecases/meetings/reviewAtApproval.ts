import { readableDate, readableDateTime } from '../../calendar/showDates';
import type { Case } from '../../model/case';
import type { Contract } from '../../model/contract';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import type { WorkflowDeps } from '../deps';
import { bookFirstFreeFor } from './bookFirstFree';
import { contextFor } from './meetingContext';

/** What approval adds to the worker's notice about the review. */
export interface ApprovalReview {
  meetingId?: string;
  said: string;
}

/**
 * Rule "Reviews": an approved contract has its review on the agreed date. The first free time that
 * day is booked in the worker's calendar (they can move it from the case); when none is free, the
 * notice says so and the case card offers the booking. The approval stands whatever happens here.
 */
export async function reviewAtApproval(deps: WorkflowDeps, approver: Staff, c: Versioned<Case>, contract: Pick<Contract, 'id' | 'reviewDate' | 'createdBy'>): Promise<ApprovalReview> {
  const fallback = `Book the review for ${readableDate(contract.reviewDate)} from the case.`;
  try {
    const [worker] = await deps.stores.staff.find({ userId: c.workerId ?? contract.createdBy });
    if (!worker) return { said: fallback };
    const context = await contextFor(deps, c, worker);
    if (!context.ok) return { said: fallback };
    const booked = await bookFirstFreeFor(deps, approver, context.value, { kind: 'review', requestKey: `review-${contract.id}`, on: contract.reviewDate });
    if (!booked.ok) return { said: booked.error.code === 'AlreadyDone' ? booked.error.message : fallback };
    if (!booked.value.booked) return { said: `Nothing is free on the agreed review date, ${readableDate(contract.reviewDate)}: choose a time from the case.` };
    const meeting = booked.value.booked.meeting;
    return { meetingId: meeting.id, said: `The review is booked in your calendar for ${readableDateTime(meeting.start)}; move it from the case if it does not suit.` };
  } catch {
    // Outlook could not be reached (the approval is already saved): the case card offers the booking.
    return { said: fallback };
  }
}
