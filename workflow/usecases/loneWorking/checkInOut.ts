import { z } from 'zod';
import { updateOnce } from '../support/updateOnce';
import { Instant } from '../../model/common';
import type { Case } from '../../model/case';
import type { CaseRecord } from '../../model/records';
import type { NewItem, Versioned } from '../../ports/store';
import type { Job } from '../../model/job';
import { ok } from '../../result';
import { CHECK_OUT_GRACE_MINUTES, chosenPlace, describePlace, ELSEWHERE, type PlaceOnFile, missedCheckOuts, placesOnFile, plannedEndRule } from '../../rules/loneWorking';
import type { UseCase, WorkflowDeps } from '../deps';
import { addRecordTo, type RecordAdded } from '../support/addRecord';
import { audit } from '../support/audit';
import { openCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { notifyAll, staffWithRole } from '../support/notify';
import { now } from '../support/time';
import { UnitOfWork } from '../support/unitOfWork';
import { readableDateTime } from '../../calendar';
import { loadCheckIn } from './visitCheckIn';

export const CheckInInput = z
  .object({
    caseId: z.string().min(1),
    requestKey: z.string().min(8),
    /** Where the visit is: a place on file by its id (see placesOnFile), or "elsewhere" with `address`. */
    place: z.string().min(1, 'choose where the visit is'),
    address: z.string().optional(),
    /** When the visit started; absent means now (the check-in). */
    plannedStart: Instant.optional(),
    plannedEnd: Instant,
  })
  // Compared as instants: "16:00+01:00" is before "15:30Z", though not as text.
  .refine((v) => !v.plannedStart || Date.parse(v.plannedEnd) > Date.parse(v.plannedStart), { message: 'the planned end must be after the start', path: ['plannedEnd'] });

/**
 * Rule "Lone working": the worker checks in as a home visit starts, saying where it is (an
 * address on file or one typed in) and when it should end (after now, within 12 hours).
 */
export const checkIn: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const parsed = parseInput(CheckInInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, requestKey, place, address, plannedEnd } = parsed.value;
  const opened = await openCase(deps, actor, caseId, 'caseload');
  if (!opened.ok) return opened;
  const c = opened.value.case;
  // The places on file are the child's (named by the case: a second read); an address typed in needs none.
  const where = place === ELSEWHERE ? chosenPlace([], place, address) : chosenPlace(await placesOf(deps, c), place, address);
  if (!where.ok) return where;
  const stamp = now(deps);
  const plannedStart = parsed.value.plannedStart ?? stamp.at;
  const body = { kind: 'lone-working' as const, where: where.value, plannedStart, plannedEnd, checkedInAt: stamp.at };
  // As a rule of the record: a repeat (double click, retry) after the end has passed is still "already recorded".
  return addRecordTo(deps, actor, c, body, requestKey, {
    rule: () => plannedEndRule(plannedStart, plannedEnd, deps.clock.now()),
    // The alert if no check-out comes: a job at the planned end and the grace period, with the check-in's own writes.
    alongside: (work, record) =>
      work.add('check-out-job', () => deps.jobs.enqueue(checkOutJob(record.key, c.id, plannedEnd, stamp.at), `check-out-missed:${record.key}`), ['record']),
  });
};

/** The job that alerts the managers if the worker has not checked out by the planned end and the grace period. */
function checkOutJob(recordKey: string, caseId: string, plannedEnd: string, at: string): NewItem<Job> {
  const dueAt = new Date(new Date(plannedEnd).getTime() + CHECK_OUT_GRACE_MINUTES * 60_000).toISOString();
  return { kind: 'check-out-missed', dueAt, payload: { recordKey, caseId }, status: 'queued', attempts: 0, createdAt: at, updatedAt: at };
}

async function placesOf(deps: WorkflowDeps, c: Pick<Case, 'childId' | 'schoolId'>): Promise<PlaceOnFile[]> {
  const [child, school] = await Promise.all([deps.stores.children.get(c.childId), deps.stores.schools.get(c.schoolId)]);
  return placesOnFile(child, school);
}

export const CheckOutInput = z.object({ caseId: z.string().min(1), recordId: z.string().min(1) });

export interface CheckedOut {
  record: Versioned<CaseRecord>;
  /** The visit was already checked out (a double click, a retry, a stale card): nothing new was written. */
  repeated: boolean;
}

/** Rule "Lone working": the worker checks out of a visit on the case when safely away; once only. */
export const checkOut: UseCase<unknown, CheckedOut> = async (deps, actor, raw) => {
  const parsed = parseInput(CheckOutInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, recordId } = parsed.value;
  // The case (for access) and the check-in in one round trip; the check-out and its audit line in a second.
  const found = await loadCheckIn(deps, actor, caseId, recordId);
  if (!found.ok) return found;
  const { record } = found.value;
  // Checked out already: the check-out stands as it was (when, by whom); a second one writes nothing.
  if (record.body.checkedOutAt) return ok({ record, repeated: true });
  const stamp = now(deps);
  const checkedOut = { body: { ...record.body, checkedOutAt: stamp.at }, updatedBy: actor.userId, updatedAt: stamp.at };
  const work = new UnitOfWork(deps.batching, `check-out:${record.id}`);
  const saved = work.add('record', () => updateOnce(deps.stores.records, record.id, checkedOut, record.etag));
  work.add('audit', () => audit(deps, actor, 'lone-working.check-out', record.caseId, record.id, { recordId: record.id }), ['record']);
  await work.flush();
  return ok({ record: saved(), repeated: false });
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
  const [worker] = await deps.stores.staff.find({ userId: record.createdBy });
  const body = record.body;
  // Where the worker went is what the manager needs to act: it goes in the notice (the chat and its e-mail copy), never in a log.
  const summary =
    `No check-out from the home visit on case ${c.reference}, ${missed.minutesOverdue} minutes after its planned end. Contact the worker now.\n\n` +
    `Worker: ${worker?.displayName ?? 'someone no longer on the Staff list'}\n\nWhere: ${describePlace(body.where)}\n\n` +
    `Checked in: ${body.checkedInAt ? readableDateTime(body.checkedInAt) : 'not recorded'}\n\nPlanned end: ${readableDateTime(body.plannedEnd)}`;
  await notifyAll(deps, 'lone-working-check-out-missed', c, summary, managers, record.id);
  return 'alerted';
}
