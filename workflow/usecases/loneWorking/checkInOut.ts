import { z } from 'zod';
import { updateOnce } from '../support/updateOnce';
import { workflowError } from '../../errors';
import { Instant } from '../../model/common';
import type { CaseRecord } from '../../model/records';
import type { Versioned } from '../../ports/store';
import { fail, ok } from '../../result';
import { missedCheckOuts } from '../../rules/loneWorking';
import type { UseCase, WorkflowDeps } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { audit } from '../support/audit';
import { loadCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { notifyAll, staffWithRole } from '../support/notify';
import { now } from '../support/time';
import { readableDateTime } from '../../calendar';

export const CheckInInput = z
  .object({ caseId: z.string().min(1), requestKey: z.string().min(8), plannedStart: Instant, plannedEnd: Instant })
  // Compared as instants: "16:00+01:00" is before "15:30Z", though not as text.
  .refine((v) => Date.parse(v.plannedEnd) > Date.parse(v.plannedStart), { message: 'the planned end must be after the start', path: ['plannedEnd'] });

/** Rule "Lone working": the worker checks in when a home visit starts, saying when it should end. */
export const checkIn: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const parsed = parseInput(CheckInInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, requestKey, plannedStart, plannedEnd } = parsed.value;
  return addRecord(deps, actor, caseId, { kind: 'lone-working', plannedStart, plannedEnd, checkedInAt: now(deps).at }, requestKey);
};

export const CheckOutInput = z.object({ caseId: z.string().min(1), recordId: z.string().min(1) });

/** Rule "Lone working": the worker checks out of a visit on the case when safely away; once only. */
export const checkOut: UseCase<unknown, Versioned<CaseRecord>> = async (deps, actor, raw) => {
  const parsed = parseInput(CheckOutInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, recordId } = parsed.value;
  const access = await loadCase(deps, actor, caseId);
  if (!access.ok) return access;
  const record = await deps.stores.records.get(recordId);
  // A check-in of another case is not found on this one (whoever may see that case).
  if (!record || record.body.kind !== 'lone-working' || record.caseId !== caseId) {
    return fail(workflowError('NotFound', `That visit check-in was not found on case ${access.value.reference}.`, { field: 'recordId' }));
  }
  if (record.body.checkedOutAt) return fail(workflowError('AlreadyDone', `You checked out at ${readableDateTime(record.body.checkedOutAt)}.`, { rule: 'Lone working' }));
  const stamp = now(deps);
  const saved = await updateOnce(deps.stores.records, record.id, { body: { ...record.body, checkedOutAt: stamp.at }, updatedBy: actor.userId, updatedAt: stamp.at }, record.etag);
  await audit(deps, actor, 'lone-working.check-out', record.caseId, record.id, { recordId: record.id });
  return ok(saved);
};

/**
 * Called by the scheduler 30 minutes after a visit's planned end: if there is still no
 * check-out, every manager is alerted, once.
 */
export async function alertIfCheckOutMissed(deps: WorkflowDeps, recordId: string): Promise<'alerted' | 'checked-out' | 'not-yet' | 'already-alerted'> {
  const record = await deps.stores.records.get(recordId);
  if (!record || record.body.kind !== 'lone-working') return 'checked-out';
  if (record.body.checkedOutAt) return 'checked-out';
  if (record.body.managerAlertedAt) return 'already-alerted';
  const [missed] = missedCheckOuts([record], deps.clock.now());
  if (!missed) return 'not-yet';
  const c = await deps.stores.cases.get(record.caseId);
  if (!c) return 'checked-out';
  const stamp = now(deps);
  await updateOnce(deps.stores.records, record.id, { body: { ...record.body, managerAlertedAt: stamp.at } }, record.etag);
  const managers = await staffWithRole(deps, ['manager']);
  await notifyAll(deps, 'lone-working-check-out-missed', c, `No check-out from the home visit on case ${c.reference}, ${missed.minutesOverdue} minutes after its planned end. Contact the worker now.`, managers, record.id);
  return 'alerted';
}
