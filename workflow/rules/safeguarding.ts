import { workflowError } from '../errors';
import type { CaseRecord } from '../model/records';
import { fail, ok, type Result } from '../result';

/** Rule "Safeguarding": a record marked as a concern is locked: additions only, no edits. */
export function lockedRecordRule(record: CaseRecord): Result<void> {
  if (!record.locked) return ok(undefined);
  return fail(
    workflowError('RecordLocked', 'This record is a safeguarding concern and is locked: add an addendum instead of editing it.', {
      rule: 'Safeguarding',
    }),
  );
}
