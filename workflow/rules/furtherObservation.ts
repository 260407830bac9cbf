import { workflowError } from '../errors';
import type { Case } from '../model/case';
import { fail, ok, type Result } from '../result';

/** Rule "Step 6": at least one further observation before the contract, unless skipped with a reason. */
export function furtherObservationRule(c: Case): Result<void> {
  if (c.milestones.furtherObservation) return ok(undefined);
  return fail(
    workflowError('FurtherObservationRequired', 'Record a further observation (step 6), or skip it with a reason, before drafting the contract.', {
      rule: 'Step 6',
    }),
  );
}
