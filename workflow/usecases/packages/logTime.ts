import { workflowError } from '../../errors';
import { fail, ok } from '../../result';
import { withinSupportPeriodRule } from '../../rules/contractTerms';
import type { UseCase } from '../deps';
import { addRecordTo } from '../support/addRecord';
import { parseRecordInput } from '../support/recordInput';
import { openForHours, withLedger, type HoursAdded } from './hoursAdded';

export type TimeLogged = HoursAdded;

/**
 * The time sheet: hours draw down the case's packages in order; beyond what was bought they are
 * allowed, flagged, and listed for invoicing; the worker and manager are warned at 80% and 100%.
 * A support session logs its own hours (see recordSupportSession): the time sheet is for other time.
 */
export const logTime: UseCase<unknown, TimeLogged> = async (deps, actor, raw) => {
  const input = parseRecordInput('time', raw);
  if (!input.ok) return input;
  const body = input.value.body;
  // The case and its records in one round trip; the ledger after is worked out from them and the new record.
  const before = await openForHours(deps, actor, input.value.caseId);
  if (!before.ok) return before;
  const added = await addRecordTo(deps, actor, before.value.opened.case, body, input.value.requestKey, {
    rule: (c) => {
      if (body.activity !== 'direct-work') return ok(undefined);
      if (!c.contractInForce) return fail(workflowError('NoContractInForce', 'Direct work is logged under an approved contract.', { rule: 'Contract' }));
      return withinSupportPeriodRule(body.on, c.contractInForce.supportEnds, c.contractInForce.startDate);
    },
  });
  if (!added.ok) return added;
  return withLedger(deps, before.value, added.value);
};
