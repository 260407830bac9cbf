import { thresholdsCrossed, type CaseLedger } from '../../packages';
import type { Case } from '../../model/case';
import { ok, type Result } from '../../result';
import type { WorkflowDeps } from '../deps';
import type { RecordAdded } from '../support/addRecord';
import { notifyAll, staffWithRole } from '../support/notify';
import { caseLedgerOf } from './caseLedger';

/** A record that put hours on the case's ledger (a time entry or a support session), with the ledger after it. */
export interface HoursAdded extends RecordAdded {
  ledger: CaseLedger;
  /** 80 and/or 100 when this record crossed that share of the hours bought. */
  warnings: number[];
}

/** The case's ledger before a record is added, to tell which thresholds the record crosses. */
export async function ledgerBefore(deps: WorkflowDeps, caseId: string): Promise<CaseLedger | undefined> {
  const before: Case | undefined = await deps.stores.cases.get(caseId);
  const ledger = before ? await caseLedgerOf(deps, before) : undefined;
  return ledger?.ok ? ledger.value : undefined;
}

/**
 * After a record with hours: the ledger, and the worker and manager told when it crossed 80% or
 * 100% of the hours bought (a repeat crosses nothing: its hours were counted the first time).
 */
export async function withLedger(deps: WorkflowDeps, before: CaseLedger | undefined, added: RecordAdded): Promise<Result<HoursAdded>> {
  const ledger = await caseLedgerOf(deps, added.case);
  if (!ledger.ok) return ledger;
  const warnings = before && !added.repeated ? thresholdsCrossed(before.totals, ledger.value.totals) : [];
  const c = added.case;
  for (const percent of warnings) {
    const recipients = await staffWithRole(deps, ['manager'], c.workerId ? [c.workerId] : []);
    const summary = `Case ${c.reference} has used ${percent}% of the package hours bought (${ledger.value.totals.used} of ${ledger.value.totals.bought} h).`;
    await notifyAll(deps, percent >= 100 ? 'package-hours-100' : 'package-hours-80', c, summary, recipients, `${c.id}:${c.purchaseIds.join(',')}`);
  }
  return ok({ ...added, ledger: ledger.value, warnings: [...warnings] });
}
