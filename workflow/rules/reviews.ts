import type { SchoolCalendar } from '../calendar';
import type { HalfTerm } from '../model/termDates';
import type { ContractInForce } from '../model/case';

export interface ReviewDue {
  halfTerm: HalfTerm;
  /** The last day a review can be held in that half-term. */
  dueBy: string;
  overdue: boolean;
}

/**
 * Rule "Reviews": while a contract is in force, at least one review per half-term. Lists the
 * half-terms from the contract's start to today that have no review held in them.
 */
export function reviewsDue(contract: ContractInForce, reviewDates: string[], calendar: SchoolCalendar, today: string): ReviewDue[] {
  const due: ReviewDue[] = [];
  let halfTerm = calendar.halfTermAtOrAfter(contract.startDate);
  while (halfTerm.ok && halfTerm.value.start <= today) {
    const current = halfTerm.value;
    const reviewed = reviewDates.some((d) => d >= current.start && d <= current.end && d >= contract.startDate);
    if (!reviewed) due.push({ halfTerm: current, dueBy: current.end, overdue: today > current.end });
    halfTerm = calendar.halfTermAtOrAfter(nextDay(current.end));
  }
  return due;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
