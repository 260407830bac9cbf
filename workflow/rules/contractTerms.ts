import { DateTime } from 'luxon';
import type { SchoolCalendar } from '../calendar';
import { workflowError } from '../errors';
import type { ContractTerms } from '../model/contract';
import { fail, ok, type Result } from '../result';
import { readableDate } from '../calendar';

export const SUPPORT_WEEKS = 6;

/**
 * Rule "Contract": support under one contract lasts at most 6 school weeks (holidays do not
 * count, nor days the case is paused); the review date must be agreed and fall no later than
 * the end of the half-term in which those 6 weeks end. Returns the last day of support.
 */
export function contractTermsRule(terms: ContractTerms, calendar: SchoolCalendar, pausedDays: string[] = []): Result<{ supportEnds: string }> {
  if (terms.reviewDate <= terms.startDate) {
    return fail(workflowError('ContractReviewBeforeStart', `The review date must come after the start date (${readableDate(terms.startDate)}).`, { rule: 'Contract', field: 'reviewDate' }));
  }
  const dates = contractDates(terms.startDate, calendar, pausedDays);
  if (!dates.ok) return dates;
  const { supportEnds, latestReview } = dates.value;
  if (terms.reviewDate > latestReview) {
    return fail(
      workflowError(
        'ContractReviewDateTooLate',
        `The review must be on or before ${readableDate(latestReview)}, the end of the half-term in which the 6 weeks of support end (${readableDate(supportEnds)}).`,
        { rule: 'Contract', field: 'reviewDate' },
      ),
    );
  }
  return ok({ supportEnds });
}

export interface ContractDates {
  /** The last day of the 6 school weeks of support. */
  supportEnds: string;
  /** The day after the start: the review comes after it. */
  earliestReview: string;
  /** The end of the half-term in which the support ends. */
  latestReview: string;
}

/**
 * Rule "Contract" for support starting on `startDate`: the last day of its 6 school weeks, and
 * the latest review date allowed (the end of the half-term in which those weeks end).
 */
export function contractDates(startDate: string, calendar: SchoolCalendar, pausedDays: string[] = []): Result<ContractDates> {
  const end = calendar.supportPeriodEnd(startDate, SUPPORT_WEEKS, pausedDays);
  if (!end.ok) return end;
  const halfTerm = calendar.halfTermContaining(end.value);
  if (!halfTerm) {
    return fail(workflowError('TermDatesMissing', `No half-term holds ${end.value}: check the school's term dates.`, { field: 'startDate' }));
  }
  const earliestReview = DateTime.fromISO(startDate).plus({ days: 1 }).toISODate() ?? startDate;
  return ok({ supportEnds: end.value, earliestReview, latestReview: halfTerm.end });
}

/** Rule "Contract": support delivered after the 6 school weeks is a 7th week: refused. */
export function withinSupportPeriodRule(deliveredOn: string, supportEnds: string, startDate: string): Result<void> {
  if (deliveredOn > supportEnds) {
    return fail(
      workflowError('SupportPeriodEnded', `Support under this contract ended on ${readableDate(supportEnds)} (6 school weeks). Hold the review and continue with a new contract.`, {
        rule: 'Contract',
        field: 'deliveredOn',
      }),
    );
  }
  if (deliveredOn < startDate) {
    return fail(workflowError('NoContractInForce', `The contract starts on ${readableDate(startDate)}.`, { rule: 'Contract', field: 'deliveredOn' }));
  }
  return ok(undefined);
}
