import { z } from 'zod';
import { workflowError } from '../../errors';
import { EntraId, Text } from '../../model/common';
import type { Case } from '../../model/case';
import type { Versioned } from '../../ports/store';
import { fail, ok } from '../../result';
import { hasRole, requireRole } from '../../rules/access';
import { openCaseRule } from '../../rules/closing';
import type { UseCase } from '../deps';
import { meetingsToNewWorker } from '../meetings/meetingsToNewWorker';
import { addRecordTo } from '../support/addRecord';
import { loadCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { now } from '../support/time';

export const ReallocateInput = z.object({ caseId: z.string().min(1), requestKey: z.string().min(8), workerId: EntraId, reason: Text });

/** Rule "Pause and reallocation": the manager moves a case to another worker (e.g. absence), with a reason. */
export const reallocateCase: UseCase<unknown, Versioned<Case>> = async (deps, actor, raw) => {
  const allowed = requireRole(actor, ['manager'], 'reallocate a case');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(ReallocateInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, workerId, reason, requestKey } = parsed.value;
  const [worker] = await deps.stores.staff.find({ userId: workerId });
  if (!worker || !hasRole(worker, 'worker')) return fail(workflowError('ValidationFailed', 'Choose an active outreach worker.', { field: 'workerId' }));
  const stamp = now(deps);
  const [loaded, meetings] = await Promise.all([loadCase(deps, actor, caseId), deps.stores.meetings.find({ caseId })]);
  if (!loaded.ok) return loaded;
  let previous: string | undefined;
  const decide = (c: Versioned<Case>) => {
    const open = openCaseRule(c);
    if (!open.ok) return open;
    if (c.workerId === workerId) return fail(workflowError('AlreadyDone', `${c.reference} is already allocated to ${worker.displayName}.`));
    previous = c.workerId;
    return ok({ workerId, milestones: { ...c.milestones, allocated: c.milestones.allocated ?? { at: stamp.at, by: actor.userId } } });
  };
  // The change, its audit line (naming the worker it was decided against) and the chronology note: one $batch on Graph.
  const line = { action: 'case.reallocated', key: requestKey, detail: () => ({ workerId, ...(previous ? { previousWorkerId: previous } : {}) }) };
  const note = { kind: 'chronology' as const, on: stamp.today, category: 'note' as const, note: `Case reallocated to ${worker.displayName}: ${reason}` };
  const noted = await addRecordTo(deps, actor, loaded.value, note, `note:${requestKey}`, { workerToldElsewhere: true, changeFirst: { decide, audit: line } });
  if (!noted.ok) return noted;
  const c = noted.value.case;
  const handedOver = await meetingsToNewWorker(deps, actor, c, worker, meetings);
  await deps.notifier.notify({
    kind: 'case-reallocated',
    recipientId: workerId,
    caseId: c.id,
    caseReference: c.reference,
    summary: `Case ${c.reference} has been reallocated to you. Read its chronology to pick it up.${handedOver}`,
    key: `case-reallocated:${requestKey}:${workerId}`,
  });
  return ok(c);
};
