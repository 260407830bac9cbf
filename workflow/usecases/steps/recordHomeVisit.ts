import type { UseCase } from '../deps';
import { markHeld } from '../meetings/meetingHeld';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { parseRecordInput } from '../support/recordInput';

/** Step 5: the home visit (preferred) or Teams call with the parent/carer, before any work with the pupil. */
export const recordHomeVisit: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const input = parseRecordInput('home-visit', raw);
  if (!input.ok) return input;
  const body = input.value.body;
  return addRecord(deps, actor, input.value.caseId, body, input.value.requestKey, {
    alongside: markHeld(deps, actor, input.value.caseId, body.mode === 'home-visit' ? 'home-visit' : 'parent-call', body.heldOn),
    alreadyDone: (c) => c.milestones.homeVisit,
    milestone: (c, record) => ({
      milestones: { ...c.milestones, homeVisit: { at: record.createdAt, by: record.createdBy, recordKey: record.key, mode: input.value.body.mode } },
    }),
  });
};
