import { thresholdsCrossed, type CaseLedger } from '../../packages';
import type { CaseRecord } from '../../model/records';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import { ok, type Result } from '../../result';
import type { WorkflowDeps } from '../deps';
import type { RecordAdded } from '../support/addRecord';
import { openCase, type OpenedCase } from '../support/caseAccess';
import { notifyAll, staffWithRole } from '../support/notify';
import { caseLedgerOf } from './caseLedger';

/** A record that put hours on the case's ledger (a time entry or a support session), with the ledger after it. */
export interface HoursAdded extends RecordAdded {
  ledger: CaseLedger;
  /** 80 and/or 100 when this record crossed that share of the hours bought. */
  warnings: number[];
}

/** The case opened for caseload work, with its records and its ledger before a record with hours is added. */
export interface BeforeHours {
  opened: OpenedCase;
  records: Versioned<CaseRecord>[];
  /** Undefined when the ledger cannot be worked out (no price list for the year). */
  ledger: CaseLedger | undefined;
}

/** The case and its records read together (one round trip): the ledger before, to tell which thresholds a record crosses. */
export async function openForHours(deps: WorkflowDeps, actor: Staff, caseId: string): Promise<Result<BeforeHours>> {
  const [opened, records] = await Promise.all([openCase(deps, actor, caseId, 'caseload'), deps.stores.records.find({ caseId })]);
  if (!opened.ok) return opened;
  const ledger = await caseLedgerOf(deps, opened.value.case, records);
  return ok({ opened: opened.value, records, ledger: ledger.ok ? ledger.value : undefined });
}

/**
 * After a record with hours: the ledger (the records read before, with the new one), and the worker
 * and manager told when it crossed 80% or 100% of the hours bought (a repeat crosses nothing: its
 * hours were counted the first time).
 */
export async function withLedger(deps: WorkflowDeps, before: BeforeHours, added: RecordAdded): Promise<Result<HoursAdded>> {
  const records = before.records.some((r) => r.id === added.record.id) ? before.records : [...before.records, added.record];
  const ledger = await caseLedgerOf(deps, added.case, records);
  if (!ledger.ok) return ledger;
  const warnings = before.ledger && !added.repeated ? thresholdsCrossed(before.ledger.totals, ledger.value.totals) : [];
  const c = added.case;
  for (const percent of warnings) {
    const recipients = await staffWithRole(deps, ['manager'], c.workerId ? [c.workerId] : []);
    const summary = `Case ${c.reference} has used ${percent}% of the package hours bought (${ledger.value.totals.used} of ${ledger.value.totals.bought} h).`;
    await notifyAll(deps, percent >= 100 ? 'package-hours-100' : 'package-hours-80', c, summary, recipients, `${c.id}:${c.purchaseIds.join(',')}`);
  }
  return ok({ ...added, ledger: ledger.value, warnings: [...warnings] });
}
