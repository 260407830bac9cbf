import { readableDate, type SchoolCalendar } from '../../calendar';
import type { ContractInForce } from '../../model/case';
import type { Job } from '../../model/job';
import type { WorkflowDeps } from '../../usecases/deps';
import { notifyAll, staffWithRole } from '../../usecases/support/notify';
import type { JobOutcome } from '../runDueJobs';
import { contractReminderContext } from './contractInForce';
import { nextWorkingDay, schoolDaysBefore, todayIn, waitUntil, WARN_SCHOOL_DAYS } from './reminderJobs';

/**
 * The dates a review is due by under a contract, earliest first (rule "Reviews": at least one a
 * half-term while a contract is in force): the end of the half-term the contract starts in, when
 * the agreed review date is later, and the agreed review date.
 */
export function reviewDueDates(inForce: ContractInForce, calendar: SchoolCalendar): string[] {
  const half = calendar.halfTermAtOrAfter(inForce.startDate);
  const halfTermEnd = half.ok ? half.value.end : undefined;
  return halfTermEnd && halfTermEnd < inForce.reviewDate ? [halfTermEnd, inForce.reviewDate] : [inForce.reviewDate];
}

/**
 * Review due: 5 school days before each date a review is due by, the worker gets a card to book
 * (or record) it; the working day after a date passed with no review held, the worker and the
 * managers get a card saying it is overdue. Done once a review is held, the contract is
 * replaced, or the case closes. After downtime only the latest reminder goes.
 */
export async function reviewDue(deps: WorkflowDeps, job: Job): Promise<JobOutcome> {
  const context = await contractReminderContext(deps, job);
  if ('outcome' in context) return context.outcome;
  const { c, inForce, calendar } = context;
  const today = todayIn(deps);
  const dates = reviewDueDates(inForce, calendar);
  for (const [index, dueBy] of dates.entries()) {
    const warnOn = schoolDaysBefore(calendar, dueBy, WARN_SCHOOL_DAYS);
    if (today < warnOn) return waitUntil(deps, warnOn);
    const overdueOn = nextWorkingDay(calendar, dueBy);
    if (today < overdueOn) {
      const summary = `A review of case ${c.reference} is due by ${readableDate(dueBy)}${dueBy === inForce.reviewDate ? ' (the agreed review date)' : ' (the end of the half-term: at least one review a half-term)'}. Book the review meeting if it is not booked, then record the review: continue or end.`;
      // The card books the review in a click (the times to choose from), or opens the case to record it.
      for (const recipientId of c.workerId ? [c.workerId] : await staffWithRole(deps, ['manager'])) {
        await deps.notifier.notify({ kind: 'review-due', recipientId, caseId: c.id, caseReference: c.reference, summary, key: `review-due:${c.id}:v${inForce.version}:${dueBy}:${recipientId}`, book: 'review' });
      }
      return waitUntil(deps, overdueOn);
    }
    const next = dates[index + 1];
    // A later date already close (or passed): its own reminder says more than this one's overdue notice.
    if (next && today >= schoolDaysBefore(calendar, next, WARN_SCHOOL_DAYS)) continue;
    const summary = `The review of case ${c.reference} was due by ${readableDate(dueBy)} and none has been recorded. Hold the review and record it now: continue or end.`;
    const managers = await staffWithRole(deps, ['manager']);
    await notifyAll(deps, 'review-overdue', c, summary, [...new Set([...(c.workerId ? [c.workerId] : []), ...managers])], `${c.id}:v${inForce.version}:${dueBy}`);
    if (next) return waitUntil(deps, schoolDaysBefore(calendar, next, WARN_SCHOOL_DAYS));
  }
  return { done: true };
}
