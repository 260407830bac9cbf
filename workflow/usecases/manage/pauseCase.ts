import { z } from 'zod';
import { workflowError } from '../../errors';
import { Text } from '../../model/common';
import type { Case } from '../../model/case';
import type { Versioned } from '../../ports/store';
import { fail, ok } from '../../result';
import { requireRole } from '../../rules/access';
import { openCaseRule } from '../../rules/closing';
import { SUPPORT_WEEKS } from '../../rules/contractTerms';
import { pausedDays } from '../../rules/pause';
import type { UseCase, WorkflowDeps } from '../deps';
import { addRecord } from '../support/addRecord';
import { audit } from '../support/audit';
import { calendarForSchoolId } from '../support/calendarFor';
import { changeCase } from '../support/caseAccess';
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
  const paused = await changeCase(deps, actor, caseId, (c) => {
    const open = openCaseRule(c);
    if (!open.ok) return open;
    if (c.status === 'paused') return fail(workflowError('AlreadyDone', `${c.reference} is already paused.`, { rule: 'Pause and reallocation' }));
    return ok({ status: 'paused', pauses: [...c.pauses, { from: today, reason, by: actor.userId }] });
  });
  if (!paused.ok) return paused;
  await note(deps, actor, caseId, requestKey, today, `Case paused: ${reason}`);
  await audit(deps, actor, 'case.paused', caseId, requestKey);
  return paused;
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
  const existing = await deps.stores.cases.get(caseId);
  if (!existing) return fail(workflowError('NotFound', 'That case was not found.', { field: 'caseId' }));
  const calendar = await calendarForSchoolId(deps, existing.schoolId);
  if (!calendar.ok) return calendar;
  const resumed = await changeCase(deps, actor, caseId, (c) => {
    if (c.status !== 'paused') return fail(workflowError('CaseNotPaused', `${c.reference} is not paused.`, { rule: 'Pause and reallocation' }));
    const pauses = c.pauses.map((p, i) => (i === c.pauses.length - 1 && !p.to ? { ...p, to: today } : p));
    const inForce = c.contractInForce;
    if (!inForce) return ok({ status: 'open', pauses });
    const supportEnds = calendar.value.supportPeriodEnd(inForce.startDate, SUPPORT_WEEKS, pausedDays(pauses, today));
    if (!supportEnds.ok) return supportEnds;
    return ok({ status: 'open', pauses, contractInForce: { ...inForce, supportEnds: supportEnds.value } });
  });
  if (!resumed.ok) return resumed;
  await note(deps, actor, caseId, requestKey, today, 'Case resumed.');
  await audit(deps, actor, 'case.resumed', caseId, requestKey);
  return resumed;
};

async function note(deps: WorkflowDeps, actor: Staff, caseId: string, requestKey: string, on: string, text: string): Promise<void> {
  await addRecord(deps, actor, caseId, { kind: 'chronology', on, category: 'note', note: text }, `note:${requestKey}`);
}
