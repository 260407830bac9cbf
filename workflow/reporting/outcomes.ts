import type { Case, Closure, Destination } from '../model/case';

export type ClosedHow = Closure['how'];

export interface CaseOutcomes {
  /** Cases closed in the period. */
  readonly closed: number;
  readonly byHow: Readonly<Partial<Record<ClosedHow, number>>>;
  readonly byDestination: Readonly<Partial<Record<Destination, number>>>;
  /** Closed early (not at a review) with no destination recorded. */
  readonly closedEarlyNoDestination: number;
  /** Ended at a review with no destination recorded. */
  readonly destinationNotRecorded: number;
}

/** Where the pupil went: as recorded on closing, else at the review that ended support. */
export const destinationOf = (c: Case): Destination | undefined => c.closure?.destination ?? c.milestones.lastReview?.destination;

/** `closedCases`: the (filtered) cases closed in the period. */
export function caseOutcomes(closedCases: readonly Case[]): CaseOutcomes {
  const byHow: Partial<Record<ClosedHow, number>> = {};
  const byDestination: Partial<Record<Destination, number>> = {};
  let closedEarlyNoDestination = 0;
  let destinationNotRecorded = 0;
  for (const c of closedCases) {
    if (!c.closure) continue;
    byHow[c.closure.how] = (byHow[c.closure.how] ?? 0) + 1;
    const destination = destinationOf(c);
    if (destination !== undefined) byDestination[destination] = (byDestination[destination] ?? 0) + 1;
    else if (c.closure.how === 'review-ended') destinationNotRecorded += 1;
    else closedEarlyNoDestination += 1;
  }
  return { closed: closedCases.length, byHow, byDestination, closedEarlyNoDestination, destinationNotRecorded };
}
