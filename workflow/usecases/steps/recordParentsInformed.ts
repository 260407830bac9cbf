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
import { readableDateTime } from '../../calendar';

/** Step 7: parents/carers are kept informed of the outcome of the contract meeting. */
export const recordParentsInformed: UseCase<unknown, Versioned<Contract>> = async (deps, actor, raw) => {
  const parsed = parseInput(z.object({ contractId: z.string().min(1) }), raw);
  if (!parsed.ok) return parsed;
  const contract = await deps.stores.contracts.get(parsed.value.contractId);
  if (!contract) return fail(workflowError('NotFound', 'That contract was not found.', { field: 'contractId' }));
  const access = await loadCase(deps, actor, contract.caseId);
  if (!access.ok) return access;
  if (contract.parentsInformedAt) return fail(workflowError('AlreadyDone', `Parents were recorded as informed on ${readableDateTime(contract.parentsInformedAt)}.`));
  const stamp = now(deps);
  const saved = await updateOnce(deps.stores.contracts, contract.id, { parentsInformedAt: stamp.at, updatedBy: actor.userId, updatedAt: stamp.at }, contract.etag);
  await audit(deps, actor, 'contract.parents-informed', contract.caseId, contract.id, { contractId: contract.id });
  return ok(saved);
};
