import { workflowError } from '../../errors';
import type { Case } from '../../model/case';
import type { CaseRecord } from '../../model/records';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import type { WorkflowDeps } from '../deps';
import { loadCase } from '../support/caseAccess';

export type CheckInRecord = Versioned<CaseRecord> & { body: Extract<CaseRecord['body'], { kind: 'lone-working' }> };

const isCheckIn = (record: Versioned<CaseRecord> | undefined, caseId: string): record is CheckInRecord =>
  record !== undefined && record.body.kind === 'lone-working' && record.caseId === caseId;

/**
 * The case (for access) and one of its visit check-ins, in one round trip. A check-in of another
 * case is not found on this one, whoever may see that case.
 */
export async function loadCheckIn(deps: WorkflowDeps, actor: Staff, caseId: string, recordId: string): Promise<Result<{ c: Versioned<Case>; record: CheckInRecord }>> {
  const [access, record] = await Promise.all([loadCase(deps, actor, caseId), deps.stores.records.get(recordId)]);
  if (!access.ok) return access;
  if (!isCheckIn(record, caseId)) {
    return fail(workflowError('NotFound', `That visit check-in was not found on case ${access.value.reference}.`, { field: 'recordId' }));
  }
  return ok({ c: access.value, record });
}
