import type { Case, ContractInForce } from '../../model/case';
import type { Job } from '../../model/job';
import type { Versioned } from '../../ports/store';
import type { WorkflowDeps } from '../../usecases/deps';

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
