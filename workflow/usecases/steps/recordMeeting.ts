import type { UseCase } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { parseRecordInput } from '../support/recordInput';

/**
 * Step 4 (purpose "initial-school": the initial meeting with school) and any other meeting the
 * service attends (step 10: a meeting record for any meeting).
 */
export const recordMeeting: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const input = parseRecordInput('meeting', raw);
  if (!input.ok) return input;
  const initial = input.value.body.purpose === 'initial-school';
  return addRecord(deps, actor, input.value.caseId, input.value.body, input.value.requestKey, {
    alreadyDone: (c) => (initial ? c.milestones.schoolMeeting : undefined),
    milestone: (c, record) =>
      initial && !c.milestones.schoolMeeting ? { milestones: { ...c.milestones, schoolMeeting: { at: record.createdAt, by: record.createdBy, recordKey: record.key } } } : undefined,
  });
};
