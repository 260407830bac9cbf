import { z } from 'zod';
import { workflowError } from '../../errors';
import { EntraId } from '../../model/common';
import { fail, ok } from '../../result';
import { hasRole, requireRole } from '../../rules/access';
import { openCaseRule } from '../../rules/closing';
import type { UseCase } from '../deps';
import { changeCaseAudited } from '../support/changeAudited';
import { loadCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { caseProgress } from '../../process/caseProgress';
import { now } from '../support/time';
import type { Case } from '../../model/case';
import type { Versioned } from '../../ports/store';
import { readableDateTime } from '../../calendar';
import { meetingAtAllocation } from '../meetings/meetingAtAllocation';
import { evaluationForCaseOpened } from '../../jobs/termEnd/termEvaluationJob';

export const AllocateInput = z.object({ caseId: z.string().min(1), workerId: EntraId });

/** Step 2: the manager allocates the case to a dedicated outreach worker, who is told at once. */
export const allocateCase: UseCase<unknown, Versioned<Case>> = async (deps, actor, raw) => {
  const allowed = requireRole(actor, ['manager'], 'allocate a case');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(AllocateInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, workerId } = parsed.value;
  const [worker] = await deps.stores.staff.find({ userId: workerId });
  if (!worker || !hasRole(worker, 'worker')) {
    return fail(workflowError('ValidationFailed', 'Choose an active outreach worker.', { field: 'workerId' }));
  }
  const stamp = now(deps);
  // The case and its contracts (for the next action the worker is told) in one round trip.
  const [loaded, contracts] = await Promise.all([loadCase(deps, actor, caseId), deps.stores.contracts.find({ caseId })]);
  if (!loaded.ok) return loaded;
  // Offering times needs only the case as read: the worker's free/busy is asked for beside the allocation's writes.
  // Booking outright (BOOKING_MODE=auto) waits until the allocation has landed.
  const offering = deps.config.booking.mode === 'propose' ? meetingAtAllocation(deps, actor, loaded.value, worker) : undefined;
  // The school's evaluation request at the end of this term, by its own term dates (once per school and term), with the allocation's writes.
  const evaluation = await evaluationForCaseOpened(deps, loaded.value.schoolId, stamp.today);
  const changed = await changeCaseAudited(deps, actor, loaded.value, (c) => {
    const open = openCaseRule(c);
    if (!open.ok) return open;
    if (c.milestones.allocated) {
      return fail(workflowError('AlreadyDone', `${c.reference} was already allocated on ${readableDateTime(c.milestones.allocated.at)}. Use reallocate to change the worker.`, { rule: 'Pause and reallocation' }));
    }
    return ok({ workerId, milestones: { ...c.milestones, allocated: { at: stamp.at, by: actor.userId } } });
  }, { action: 'case.allocated', key: `${caseId}:allocate`, detail: { workerId } },
  evaluation ? [{ name: 'term-evaluation-job', write: () => deps.jobs.enqueue(evaluation.job, evaluation.key) }] : []);
  if (!changed.ok) {
    await offering;
    return changed;
  }
  const c = changed.value;
  const meeting = await (offering ?? meetingAtAllocation(deps, actor, c, worker));
  await deps.notifier.notify({
    kind: 'case-allocated',
    recipientId: workerId,
    caseId: c.id,
    caseReference: c.reference,
    summary: `Case ${c.reference} has been allocated to you. Next: ${caseProgress(c, contracts, stamp.today).nextAction}. ${meeting.said}`,
    key: `case-allocated:${c.id}:${workerId}`,
    ...(meeting.offer ? { offer: meeting.offer } : {}),
    ...(meeting.meetingId ? { meetingId: meeting.meetingId } : {}),
  });
  await deps.channel.post({
    kind: 'case-allocated',
    caseId: c.id,
    caseReference: c.reference,
    text: `Case ${c.reference} allocated to ${worker.displayName}.`,
    key: `case-allocated:${c.id}`,
  });
  return ok(c);
};
