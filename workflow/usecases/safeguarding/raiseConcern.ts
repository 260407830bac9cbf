import { z } from 'zod';
import { updateOnce } from '../support/updateOnce';
import { workflowError } from '../../errors';
import type { CaseRecord } from '../../model/records';
import type { Staff } from '../../model/staff';
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

/** Rule "Safeguarding": a new concern is recorded, locked, and the DSL is alerted at once. */
export const raiseSafeguardingConcern: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const input = parseRecordInput('safeguarding-concern', raw);
  if (!input.ok) return input;
  const added = await addRecord(deps, actor, input.value.caseId, input.value.body, input.value.requestKey, { safeguarding: true, purpose: 'safeguarding' });
  if (!added.ok) return added;
  if (!added.value.repeated) await alertDsl(deps, actor, added.value.record);
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
  // Marking wins over a concurrent edit: it only adds the flag, so it is safe to apply to the newest version.
  const latest = (await deps.stores.records.get(record.id)) ?? record;
  const marked = await updateOnce(deps.stores.records, 
    record.id,
    { safeguarding: true, locked: true, lockedBy: actor.userId, updatedBy: actor.userId, updatedAt: stamp.at },
    latest.etag,
  );
  await alertDsl(deps, actor, marked);
  return ok(marked);
};

async function alertDsl(deps: WorkflowDeps, actor: Staff, record: CaseRecord): Promise<void> {
  const c = await deps.stores.cases.get(record.caseId);
  if (!c) return;
  const dsls = await staffWithRole(deps, ['dsl']);
  await notifyAll(deps, 'safeguarding-concern', c, `Safeguarding concern raised on case ${c.reference}: open it now.`, dsls, record.id);
  await audit(deps, actor, 'record.safeguarding', c.id, record.id, { recordId: record.id });
}
