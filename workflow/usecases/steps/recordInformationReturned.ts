import type { UseCase } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { parseRecordInput } from '../support/recordInput';

/** Step 2: the school has returned the information form and the PDP. */
export const recordInformationReturned: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const input = parseRecordInput('information-returned', raw);
  if (!input.ok) return input;
  return addRecord(deps, actor, input.value.caseId, input.value.body, input.value.requestKey, {
    alreadyDone: (c) => c.milestones.informationReturned,
    milestone: (c, record) =>
      c.milestones.informationReturned ? undefined : { milestones: { ...c.milestones, informationReturned: { at: record.createdAt, by: record.createdBy, recordId: record.id } } },
  });
};
