import type { UseCase } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { parseRecordInput } from '../support/recordInput';

/** Step 6 may be skipped, but only with a recorded reason. */
export const skipFurtherObservation: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const input = parseRecordInput('observation-skipped', raw);
  if (!input.ok) return input;
  return addRecord(deps, actor, input.value.caseId, input.value.body, input.value.requestKey, {
    alreadyDone: (c) => c.milestones.furtherObservation,
    milestone: (c, record) => ({
      milestones: { ...c.milestones, furtherObservation: { at: record.createdAt, by: record.createdBy, recordKey: record.key, skippedReason: input.value.body.reason } },
    }),
  });
};
