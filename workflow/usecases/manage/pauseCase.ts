import { z } from 'zod';
import { workflowError } from '../../errors';
import { Text } from '../../model/common';
import type { Case } from '../../model/case';
import type { Contract } from '../../model/contract';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import { requireRole } from '../../rules/access';
import { openCaseRule } from '../../rules/closing';
import { SUPPORT_WEEKS } from '../../rules/contractTerms';
import { pausedDays } from '../../rules/pause';
import type { UseCase, WorkflowDeps } from '../deps';
import { addRecordTo } from '../support/addRecord';
import { calendarForSchoolId } from '../support/calendarFor';
import { loadCase, type CaseChange } from '../support/caseAccess';
import type { AuditLine } from '../support/changeAudited';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import type { Staff } from '../../model/staff';

export const PauseInput = z.object({ caseId: z.string().min(1), requestKey: z.string().min(8), reason: Text });

/** Rule "Pause and reallocation": the manager pauses a case with a reason; the 6 weeks stop counting. */
export const pauseCase: UseCase<unknown, Versioned<Case>> = async (deps, actor, raw) => {
  const allowed = requireRole(actor, ['manager'], 'pause a case');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(PauseInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, reason, requestKey } = parsed.value;
  const { today } = now(deps);
  const [loaded, contracts] = await withContracts(deps, actor, caseId);
  if (!loaded.ok) return loaded;
  return changeWithNote(deps, actor, loaded.value, contracts, requestKey, `Case paused: ${reason}`, (c) => {
    const open = openCaseRule(c);
    if (!open.ok) return open;
    if (c.status === 'paused') return fail(workflowError('AlreadyDone', `${c.reference} is already paused.`, { rule: 'Pause and reallocation' }));
    return ok({ status: 'paused', pauses: [...c.pauses, { from: today, reason, by: actor.userId }] });
  }, { action: 'case.paused', key: requestKey });
};

export const ResumeInput = z.object({ caseId: z.string().min(1), requestKey: z.string().min(8) });

/** Resuming: the pause ends today and the end of the 6 weeks moves out by the paused school days. */
export const resumeCase: UseCase<unknown, Versioned<Case>> = async (deps, actor, raw) => {
  const allowed = requireRole(actor, ['manager'], 'resume a case');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(ResumeInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, requestKey } = parsed.value;
  const { today } = now(deps);
  const [loaded, contracts] = await withContracts(deps, actor, caseId);
  if (!loaded.ok) return loaded;
  const calendar = await calendarForSchoolId(deps, loaded.value.schoolId);
  if (!calendar.ok) return calendar;
  return changeWithNote(deps, actor, loaded.value, contracts, requestKey, 'Case resumed.', (c) => {
    if (c.status !== 'paused') return fail(workflowError('CaseNotPaused', `${c.reference} is not paused.`, { rule: 'Pause and reallocation' }));
    const pauses = c.pauses.map((p, i) => (i === c.pauses.length - 1 && !p.to ? { ...p, to: today } : p));
    const inForce = c.contractInForce;
    if (!inForce) return ok({ status: 'open', pauses });
    const supportEnds = calendar.value.supportPeriodEnd(inForce.startDate, SUPPORT_WEEKS, pausedDays(pauses, today));
    if (!supportEnds.ok) return supportEnds;
    return ok({ status: 'open', pauses, contractInForce: { ...inForce, supportEnds: supportEnds.value } });
  }, { action: 'case.resumed', key: requestKey });
};

/** The case, and its contracts for the next action its worker is told with the note: one round trip. */
function withContracts(deps: WorkflowDeps, actor: Staff, caseId: string): Promise<[Result<Versioned<Case>>, Versioned<Contract>[]]> {
  return Promise.all([loadCase(deps, actor, caseId), deps.stores.contracts.find({ caseId })]);
}

/**
 * The change, its audit line and the chronology note saying why: one $batch on Graph, the note
 * written once the change landed (a change refused is the answer, and no note is written).
 */
async function changeWithNote(
  deps: WorkflowDeps,
  actor: Staff,
  c: Versioned<Case>,
  contracts: readonly Contract[],
  requestKey: string,
  text: string,
  decide: (current: Versioned<Case>) => Result<CaseChange>,
  line: AuditLine,
): Promise<Result<Versioned<Case>>> {
  const note = { kind: 'chronology' as const, on: now(deps).today, category: 'note' as const, note: text };
  const noted = await addRecordTo(deps, actor, c, note, `note:${requestKey}`, { contracts, changeFirst: { decide, audit: line } });
  return noted.ok ? ok(noted.value.case) : noted;
}
