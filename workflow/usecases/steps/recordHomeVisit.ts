import type { UseCase } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { parseRecordInput } from '../support/recordInput';

/** Step 5: the home visit (preferred) or Teams call with the parent/carer, before any work with the pupil. */
export const recordHomeVisit: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const input = parseRecordInput('home-visit', raw);
  if (!input.ok) return input;
  return addRecord(deps, actor, input.value.caseId, input.value.body, input.value.requestKey, {
    alreadyDone: (c) => c.milestones.homeVisit,
    milestone: (c, record) => ({
      milestones: { ...c.milestones, homeVisit: { at: record.createdAt, by: record.createdBy, recordKey: record.key, mode: input.value.body.mode } },
    }),
  });
};
