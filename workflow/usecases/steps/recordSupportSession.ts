import { workflowError } from '../../errors';
import { fail } from '../../result';
import { withinSupportPeriodRule } from '../../rules/contractTerms';
import type { UseCase } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { parseRecordInput } from '../support/recordInput';

/**
 * Step 8: a support session under the contract in force, for at most 6 school weeks. The
 * direct-support rule (home visit held, consent given) is checked for every support record.
 */
export const recordSupportSession: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const input = parseRecordInput('support-session', raw);
  if (!input.ok) return input;
  const body = input.value.body;
  return addRecord(deps, actor, input.value.caseId, body, input.value.requestKey, {
    rule: (c) =>
      c.contractInForce
        ? withinSupportPeriodRule(body.deliveredOn, c.contractInForce.supportEnds, c.contractInForce.startDate)
        : fail(workflowError('NoContractInForce', 'Support begins only under an approved contract.', { rule: 'Contract' })),
    milestone: (c, record) =>
      c.milestones.supportStarted ? undefined : { milestones: { ...c.milestones, supportStarted: { at: record.createdAt, by: record.createdBy, recordId: record.id } } },
  });
};
