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
  const end = calendar.supportPeriodEnd(terms.startDate, SUPPORT_WEEKS, pausedDays);
  if (!end.ok) return end;
  const halfTerm = calendar.halfTermContaining(end.value);
  if (!halfTerm) {
    return fail(workflowError('TermDatesMissing', `No half-term holds ${end.value}: check the school's term dates.`, { field: 'startDate' }));
  }
  if (terms.reviewDate > halfTerm.end) {
    return fail(
      workflowError(
        'ContractReviewDateTooLate',
        `The review must be on or before ${readableDate(halfTerm.end)}, the end of the half-term in which the 6 weeks of support end (${readableDate(end.value)}).`,
        { rule: 'Contract', field: 'reviewDate' },
      ),
    );
  }
  return ok({ supportEnds: end.value });
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
