import type { Case } from '../../model/case';
import { caseProgress, type CaseProgress } from '../../process/caseProgress';
import type { WorkflowDeps } from '../deps';
import { now } from './time';

/** The case's progress as of today (the Clock's London date), with its contracts read. */
export async function progressOf(deps: Pick<WorkflowDeps, 'stores' | 'clock'>, c: Case): Promise<CaseProgress> {
  const contracts = await deps.stores.contracts.find({ caseId: c.id });
  return caseProgress(c, contracts, now(deps).today);
}
