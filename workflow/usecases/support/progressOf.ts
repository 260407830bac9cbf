import type { Case } from '../../model/case';
import type { Contract } from '../../model/contract';
import { caseProgress, type CaseProgress } from '../../process/caseProgress';
import type { WorkflowDeps } from '../deps';
import { now } from './time';

/** The case's progress as of today (the Clock's London date), with its contracts (read now unless the caller has them). */
export async function progressOf(deps: Pick<WorkflowDeps, 'stores' | 'clock'>, c: Case, contracts?: readonly Contract[]): Promise<CaseProgress> {
  return caseProgress(c, contracts ?? (await deps.stores.contracts.find({ caseId: c.id })), now(deps).today);
}
