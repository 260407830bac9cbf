import { workflowError } from '../../errors';
import { fail, ok } from '../../result';
import type { UseCase } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { parseRecordInput } from '../support/recordInput';

/**
 * Step 10: an Outreach Report when another agency asks, or when the case goes to the Fair
 * Access Panel. (The End of Outreach Report is written when a case closes, not here.)
 */
export const recordOutreachReport: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const input = parseRecordInput('report', raw);
  if (!input.ok) return input;
  if (input.value.body.reportType === 'end-of-outreach') {
    return fail(workflowError('ValidationFailed', 'The End of Outreach Report is written when the case closes after its review.', { field: 'reportType' }));
  }
  const added = await addRecord(deps, actor, input.value.caseId, input.value.body, input.value.requestKey);
  return added.ok ? ok(added.value) : added;
};
