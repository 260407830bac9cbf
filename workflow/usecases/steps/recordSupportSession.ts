import { workflowError } from '../../errors';
import { fail } from '../../result';
import { withinSupportPeriodRule } from '../../rules/contractTerms';
import type { UseCase } from '../deps';
import { openForHours, withLedger, type HoursAdded } from '../packages/hoursAdded';
import { addRecordTo } from '../support/addRecord';
import { parseRecordInput } from '../support/recordInput';

/** A support session, with the package ledger after its hours (the session is its own time entry, as direct work). */
export type SessionRecorded = HoursAdded;

/**
 * Step 8: a support session under the contract in force, for at most 6 school weeks. The
 * direct-support rule (home visit held, consent given) is checked for every support record.
 * Its hours are its time entry against the case's packages: one record, counted once, and a
 * repeated submit (same request key) adds nothing.
 */
export const recordSupportSession: UseCase<unknown, SessionRecorded> = async (deps, actor, raw) => {
  const input = parseRecordInput('support-session', raw);
  if (!input.ok) return input;
  const body = input.value.body;
  // The case and its records in one round trip; the ledger after is worked out from them and the new record.
  const before = await openForHours(deps, actor, input.value.caseId);
  if (!before.ok) return before;
  const added = await addRecordTo(deps, actor, before.value.opened.case, body, input.value.requestKey, {
    rule: (c) =>
      c.contractInForce
        ? withinSupportPeriodRule(body.deliveredOn, c.contractInForce.supportEnds, c.contractInForce.startDate)
        : fail(workflowError('NoContractInForce', 'Support begins only under an approved contract.', { rule: 'Contract' })),
    milestone: (c, record) =>
      c.milestones.supportStarted ? undefined : { milestones: { ...c.milestones, supportStarted: { at: record.createdAt, by: record.createdBy, recordKey: record.key } } },
  });
  if (!added.ok) return added;
  return withLedger(deps, before.value, added.value);
};
