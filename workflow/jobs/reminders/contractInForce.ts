import type { Case, ContractInForce } from '../../model/case';
import type { Job } from '../../model/job';
import type { Versioned } from '../../ports/store';
import type { SchoolCalendar } from '../../calendar';
import type { WorkflowDeps } from '../../usecases/deps';
import { calendarForSchoolId } from '../../usecases/support/calendarFor';
import type { JobOutcome } from '../runDueJobs';
import { tomorrow } from './reminderJobs';

/**
 * The case and its contract in force, when the job's contract version still is in force and no
 * review has been held under it (a review ends the contract: "continue" starts a new version, with
 * its own reminders; "end" closes the case). Undefined means the reminder has nothing left to do.
 */
export async function contractStillInForce(deps: WorkflowDeps, job: Job): Promise<{ c: Versioned<Case>; inForce: ContractInForce } | undefined> {
  const c = await deps.stores.cases.get(job.payload.caseId ?? '');
  const inForce = c?.contractInForce;
  if (!c || !inForce || c.status === 'closed') return undefined;
  if (inForce.contractId !== job.payload.contractId || String(inForce.version) !== job.payload.version) return undefined;
  if (reviewedUnder(c, inForce)) return undefined;
  return { c, inForce };
}

/** A review held on or after the contract's start (the review that ended it). */
export const reviewedUnder = (c: Pick<Case, 'milestones'>, inForce: ContractInForce): boolean =>
  (c.milestones.lastReview?.heldOn ?? '') >= inForce.startDate;

/**
 * What a contract's reminder needs: the case, its contract in force and the school's calendar; or
 * what the job does instead (done when nothing is left to remind of, or without term dates; a
 * paused case looks again tomorrow).
 */
export async function contractReminderContext(
  deps: WorkflowDeps,
  job: Job,
): Promise<{ c: Versioned<Case>; inForce: ContractInForce; calendar: SchoolCalendar } | { outcome: JobOutcome }> {
  const found = await contractStillInForce(deps, job);
  if (!found) return { outcome: { done: true } };
  if (found.c.status === 'paused') return { outcome: tomorrow(deps) };
  const calendar = await calendarForSchoolId(deps, found.c.schoolId);
  return calendar.ok ? { ...found, calendar: calendar.value } : { outcome: { done: true } };
}
