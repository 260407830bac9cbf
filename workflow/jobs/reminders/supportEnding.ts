import { readableDate } from '../../calendar';
import type { Job } from '../../model/job';
import type { WorkflowDeps } from '../../usecases/deps';
import type { JobOutcome } from '../runDueJobs';
import { contractReminderContext } from './contractInForce';
import { schoolDaysBefore, todayIn, waitUntil, WARN_SCHOOL_DAYS } from './reminderJobs';

/**
 * Six weeks ending: 5 school days before the last day of support under the contract in force,
 * the worker gets a card with a button to book the review. Once; nothing if a review was held,
 * the contract replaced or the case closed, or if support has already ended (the review-due
 * reminder speaks then).
 */
export async function supportEnding(deps: WorkflowDeps, job: Job): Promise<JobOutcome> {
  const context = await contractReminderContext(deps, job);
  if ('outcome' in context) return context.outcome;
  const { c, inForce, calendar } = context;
  const warnOn = schoolDaysBefore(calendar, inForce.supportEnds, WARN_SCHOOL_DAYS);
  const today = todayIn(deps);
  if (today < warnOn) return waitUntil(deps, warnOn);
  if (today > inForce.supportEnds || !c.workerId) return { done: true };
  await deps.notifier.notify({
    kind: 'support-ending',
    recipientId: c.workerId,
    caseId: c.id,
    caseReference: c.reference,
    summary: `The six weeks of support for case ${c.reference} end on ${readableDate(inForce.supportEnds)}; the review is agreed for ${readableDate(inForce.reviewDate)}. Book the review meeting if it is not booked yet.`,
    key: `support-ending:${c.id}:v${inForce.version}:${c.workerId}`,
    book: 'review',
  });
  return { done: true };
}
