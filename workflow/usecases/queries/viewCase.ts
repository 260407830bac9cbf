import { z } from 'zod';
import type { Case } from '../../model/case';
import type { Child } from '../../model/child';
import type { Contract } from '../../model/contract';
import type { Meeting } from '../../model/meeting';
import type { CaseRecord } from '../../model/records';
import type { School } from '../../model/school';
import { caseProgress, type CaseProgress } from '../../process/caseProgress';
import type { StepNumber } from '../../process/steps';
import type { Versioned } from '../../ports/store';
import { ok, type Result } from '../../result';
import type { UseCase, WorkflowDeps } from '../deps';
import type { Staff } from '../../model/staff';
import { caseLedgerOf } from '../packages/caseLedger';
import { auditRead } from '../support/audit';
import { openCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { now } from '../support/time';

export interface CaseView {
  case: Versioned<Case>;
  child: Versioned<Child> | undefined;
  school: Versioned<School> | undefined;
  records: Versioned<CaseRecord>[];
  contracts: Versioned<Contract>[];
  /** Meetings booked for the case (any status), earliest first. */
  meetings: Versioned<Meeting>[];
  /** Where the case is (step, status line, next action), as of today: every card shows this. */
  progress: CaseProgress;
  /** progress.step and progress.nextAction, kept for the code that reads them. */
  step: StepNumber;
  nextAction: string;
  /** Package hours for the case: used (time entries and support sessions, counted once) of bought; undefined when the ledger cannot be worked out. */
  packageHours?: { used: number; bought: number; left: number };
  /** Opened by the DSL through a safeguarding concern, not from their caseload: only the concern can be acted on. */
  asDsl?: true;
}

/** Opens a case: the read itself goes in the audit log (a DSL's read through a concern says so). */
export const viewCase: UseCase<unknown, CaseView> = async (deps, actor, raw) => {
  const parsed = parseInput(z.object({ caseId: z.string().min(1) }), raw);
  if (!parsed.ok) return parsed;
  return caseViewOf(deps, actor, parsed.value.caseId, true);
};

/**
 * The case again, later in the same action, after a `viewCase` of it that wrote the read's audit
 * line: a submit asks for the view beside its own reads (so they travel together), and shows it as
 * it stands once its writes are done. Not for card input: the code decides that a view came first.
 */
export async function viewCaseAgain(deps: WorkflowDeps, actor: Staff, caseId: string): Promise<Result<CaseView>> {
  return caseViewOf(deps, actor, caseId, false);
}

async function caseViewOf(deps: WorkflowDeps, actor: Staff, caseId: string, audit: boolean): Promise<Result<CaseView>> {
  // The case, its records and contracts in one round trip; the child (named by the case) and the audit line in a second.
  // Each is asked for as soon as what it needs is known: when this action has just saved the case (a submit's
  // follow-up card), the case needs no request and all of them travel in one round trip.
  const caseRead = deps.stores.cases.get(caseId);
  const recordsRead = deps.stores.records.find({ caseId });
  const openedRead = openCase(deps, actor, caseId, 'safeguarding', recordsRead, caseRead);
  const childRead = caseRead.then((c) => (c ? deps.stores.children.get(c.childId) : undefined));
  const schoolRead = caseRead.then((c) => (c ? deps.stores.schools.get(c.schoolId) : undefined));
  const audited = openedRead.then((o) => (o.ok && audit ? auditRead(deps, actor, 'case.read', o.value.case.id, o.value.asDsl ? { access: 'safeguarding' } : {}) : undefined));
  const [opened, records, contracts, meetings, child, school] = await Promise.all([openedRead, recordsRead, deps.stores.contracts.find({ caseId }), deps.stores.meetings.find({ caseId }), childRead, schoolRead, audited]);
  if (!opened.ok) return opened;
  const { case: c, asDsl } = opened.value;
  const progress = caseProgress(c, contracts, now(deps).today);
  const ledger = await caseLedgerOf(deps, c, records);
  const packageHours = ledger.ok ? { used: ledger.value.totals.used, bought: ledger.value.totals.bought, left: ledger.value.totals.left } : undefined;
  meetings.sort((a, b) => a.start.localeCompare(b.start));
  return ok({ case: c, child, school, records, contracts, meetings, progress, step: progress.step, nextAction: progress.nextAction, ...(packageHours ? { packageHours } : {}), ...(asDsl ? { asDsl } : {}) });
}
