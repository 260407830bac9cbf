import { z } from 'zod';
import { updateOnce } from '../support/updateOnce';
import { workflowError } from '../../errors';
import type { Contract } from '../../model/contract';
import type { Versioned } from '../../ports/store';
import { fail, ok } from '../../result';
import type { UseCase } from '../deps';
import { audit } from '../support/audit';
import { loadCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import { UnitOfWork } from '../support/unitOfWork';

export interface ParentsInformed {
  contract: Versioned<Contract>;
  /** Already recorded for this contract version (a repeat, an old card): nothing was written. */
  repeated: boolean;
}

/**
 * Step 7: parents/carers are kept informed of the outcome of the contract meeting, once per
 * contract version; a new version (after changes) is told again.
 */
export const recordParentsInformed: UseCase<unknown, ParentsInformed> = async (deps, actor, raw) => {
  const parsed = parseInput(z.object({ contractId: z.string().min(1) }), raw);
  if (!parsed.ok) return parsed;
  const contract = await deps.stores.contracts.get(parsed.value.contractId);
  if (!contract) return fail(workflowError('NotFound', 'That contract was not found.', { field: 'contractId' }));
  const access = await loadCase(deps, actor, contract.caseId);
  if (!access.ok) return access;
  if (contract.parentsInformedAt) return ok({ contract, repeated: true });
  const stamp = now(deps);
  const patch = { parentsInformedAt: stamp.at, parentsInformedBy: actor.userId, updatedBy: actor.userId, updatedAt: stamp.at };
  // The contract marked (with its ETag) and the audit line after it: one $batch on Graph.
  const work = new UnitOfWork(deps.batching, `${contract.id}:parents-informed`);
  const saved = work.add('contract', () => updateOnce(deps.stores.contracts, contract.id, patch, contract.etag));
  work.add('audit', () => audit(deps, actor, 'contract.parents-informed', contract.caseId, contract.id, { contractId: contract.id }), ['contract']);
  await work.flush();
  return ok({ contract: saved(), repeated: false });
};
