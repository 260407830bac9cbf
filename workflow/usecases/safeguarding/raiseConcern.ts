import { z } from 'zod';
import { updateOnce } from '../support/updateOnce';
import { VersionConflict, workflowError } from '../../errors';
import type { Case } from '../../model/case';
import type { CaseRecord } from '../../model/records';
import type { Versioned } from '../../ports/store';
import { fail, ok } from '../../result';
import type { UseCase, WorkflowDeps } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { audit } from '../support/audit';
import { loadCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { notifyAll, staffWithRole } from '../support/notify';
import { parseRecordInput } from '../support/recordInput';
import { now } from '../support/time';
import { UnitOfWork } from '../support/unitOfWork';

/** Rule "Safeguarding": a new concern is recorded, locked, and the DSL is alerted at once. */
export const raiseSafeguardingConcern: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const input = parseRecordInput('safeguarding-concern', raw);
  if (!input.ok) return input;
  const added = await addRecord(deps, actor, input.value.caseId, input.value.body, input.value.requestKey, {
    safeguarding: true,
    purpose: 'safeguarding',
    // The concern's own audit line, in the record's $batch (a repeat finds it by its key).
    alongside: (work, record) => work.add('safeguarding-audit', () => audit(deps, actor, 'record.safeguarding', record.caseId, record.key, { recordKey: record.key }), ['record']),
  });
  if (!added.ok) return added;
  if (!added.value.repeated) await alertDsl(deps, added.value.case, added.value.record);
  return added;
};

export const MarkAsConcernInput = z.object({ recordId: z.string().min(1) });

/** Rule "Safeguarding": any existing record can be marked as a concern; it is then locked. */
export const markRecordAsConcern: UseCase<unknown, Versioned<CaseRecord>> = async (deps, actor, raw) => {
  const parsed = parseInput(MarkAsConcernInput, raw);
  if (!parsed.ok) return parsed;
  const record = await deps.stores.records.get(parsed.value.recordId);
  if (!record) return fail(workflowError('NotFound', 'That record was not found.', { field: 'recordId' }));
  const access = await loadCase(deps, actor, record.caseId, 'safeguarding');
  if (!access.ok) return access;
  if (record.safeguarding) return fail(workflowError('AlreadyDone', 'This record is already marked as a safeguarding concern.', { rule: 'Safeguarding' }));
  const stamp = now(deps);
  const work = new UnitOfWork(deps.batching, `mark:${record.id}`);
  const marked = work.add('record', () => markLatest(deps, record, { safeguarding: true, locked: true, lockedBy: actor.userId, updatedBy: actor.userId, updatedAt: stamp.at }));
  work.add('audit', () => audit(deps, actor, 'record.safeguarding', record.caseId, record.id, { recordId: record.id }), ['record']);
  await work.flush();
  await alertDsl(deps, access.value, marked());
  return ok(marked());
};

/** Marking wins over a concurrent edit: it only adds the flag, so on a 412 it is applied to the newest version. */
async function markLatest(deps: WorkflowDeps, record: Versioned<CaseRecord>, patch: Partial<CaseRecord>): Promise<Versioned<CaseRecord>> {
  try {
    return await updateOnce(deps.stores.records, record.id, patch, record.etag);
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    const latest = await deps.stores.records.get(record.id);
    if (!latest) throw error;
    return updateOnce(deps.stores.records, record.id, patch, latest.etag);
  }
}

/** The DSLs hear of the concern at once (by case reference only). */
async function alertDsl(deps: WorkflowDeps, c: Case, record: Versioned<CaseRecord>): Promise<void> {
  const dsls = await staffWithRole(deps, ['dsl']);
  await notifyAll(deps, 'safeguarding-concern', c, `Safeguarding concern raised on case ${c.reference}: open it now.`, dsls, record.id);
}
