import { z } from 'zod';
import { labelOf, recordKindLabels } from '../../labels';
import { VersionConflict, workflowError } from '../../errors';
import { RecordBody, type CaseRecord } from '../../model/records';
import type { Versioned } from '../../ports/store';
import { fail, ok } from '../../result';
import { lockedRecordRule } from '../../rules/safeguarding';
import type { UseCase } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { audit } from '../support/audit';
import { loadCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import { UnitOfWork } from '../support/unitOfWork';

export const AmendRecordInput = z.object({
  recordId: z.string().min(1),
  /** The version the editor was looking at: a change made since is reported, not overwritten. */
  etag: z.string().min(1),
  body: RecordBody,
});

/** Corrects a record; refused when it is locked (safeguarding) or changed since it was read. */
export const amendRecord: UseCase<unknown, Versioned<CaseRecord>> = async (deps, actor, raw) => {
  const parsed = parseInput(AmendRecordInput, raw);
  if (!parsed.ok) return parsed;
  const { recordId, etag, body } = parsed.value;
  const record = await deps.stores.records.get(recordId);
  if (!record) return fail(workflowError('NotFound', 'That record was not found.', { field: 'recordId' }));
  const access = await loadCase(deps, actor, record.caseId);
  if (!access.ok) return access;
  const unlocked = lockedRecordRule(record);
  if (!unlocked.ok) return unlocked;
  if (body.kind !== record.body.kind) return fail(workflowError('ValidationFailed', `A record of kind "${labelOf(recordKindLabels, record.body.kind)}" cannot become "${labelOf(recordKindLabels, body.kind)}".`, { field: 'body.kind' }));
  // The change (with the editor's ETag) and its audit line in one $batch; the line keyed by the version amended.
  const work = new UnitOfWork(deps.batching, `amend:${recordId}:${etag}`);
  const saved = work.add('record', () => deps.stores.records.update(recordId, { body, updatedBy: actor.userId, updatedAt: now(deps).at }, etag));
  work.add('audit', () => audit(deps, actor, 'record.amended', record.caseId, `${recordId}:${etag}`, { recordId }), ['record']);
  try {
    await work.flush();
    return ok(saved());
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    return fail(workflowError('ConcurrentChange', 'Someone else changed this record since you opened it. Reopen it to see their change.', { rule: 'Attribution' }));
  }
};

/** Locked records take additions only: an addendum linked to the record. */
export const addAddendum: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const parsed = parseInput(z.object({ recordId: z.string().min(1), requestKey: z.string().min(8), text: z.string().trim().min(1) }), raw);
  if (!parsed.ok) return parsed;
  const target = await deps.stores.records.get(parsed.value.recordId);
  if (!target) return fail(workflowError('NotFound', 'That record was not found.', { field: 'recordId' }));
  return addRecord(deps, actor, target.caseId, { kind: 'addendum', toRecordId: target.id, text: parsed.value.text }, parsed.value.requestKey, {
    safeguarding: target.safeguarding,
    // The DSL adds to a concern on any case that has one; other records stay with the caseload.
    ...(target.safeguarding ? { purpose: 'safeguarding' as const } : {}),
  });
};
