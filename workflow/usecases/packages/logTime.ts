import { workflowError } from '../../errors';
import { thresholdsCrossed, type CaseLedger } from '../../packages';
import { fail, ok } from '../../result';
import { withinSupportPeriodRule } from '../../rules/contractTerms';
import type { UseCase } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { parseRecordInput } from '../support/recordInput';
import { notifyAll, staffWithRole } from '../support/notify';
import { caseLedgerOf } from './caseLedger';

export interface TimeLogged extends RecordAdded {
  ledger: CaseLedger;
  /** 80 and/or 100 when this entry crossed that share of the hours bought. */
  warnings: number[];
}

/**
 * The time sheet: hours draw down the case's packages in order; beyond what was bought they are
 * allowed, flagged, and listed for invoicing; the worker and manager are warned at 80% and 100%.
 */
export const logTime: UseCase<unknown, TimeLogged> = async (deps, actor, raw) => {
  const input = parseRecordInput('time', raw);
  if (!input.ok) return input;
  const body = input.value.body;
  const before = await deps.stores.cases.get(input.value.caseId);
  const ledgerBefore = before ? await caseLedgerOf(deps, before) : undefined;
  const added = await addRecord(deps, actor, input.value.caseId, body, input.value.requestKey, {
    rule: (c) => {
      if (body.activity !== 'direct-work') return ok(undefined);
      if (!c.contractInForce) return fail(workflowError('NoContractInForce', 'Direct work is logged under an approved contract.', { rule: 'Contract' }));
      return withinSupportPeriodRule(body.on, c.contractInForce.supportEnds, c.contractInForce.startDate);
    },
  });
  if (!added.ok) return added;
  const ledger = await caseLedgerOf(deps, added.value.case);
  if (!ledger.ok) return ledger;
  const warnings = ledgerBefore?.ok && !added.value.repeated ? thresholdsCrossed(ledgerBefore.value.totals, ledger.value.totals) : [];
  const c = added.value.case;
  for (const percent of warnings) {
    const recipients = await staffWithRole(deps, ['manager'], c.workerId ? [c.workerId] : []);
    const summary = `Case ${c.reference} has used ${percent}% of the package hours bought (${ledger.value.totals.used} of ${ledger.value.totals.bought} h).`;
    await notifyAll(deps, percent >= 100 ? 'package-hours-100' : 'package-hours-80', c, summary, recipients, `${c.id}:${c.purchaseIds.join(',')}`);
  }
  return ok({ ...added.value, ledger: ledger.value, warnings: [...warnings] });
};
