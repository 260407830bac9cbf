import type { MeetingKind } from '../../model/meeting';
import type { BodyOf } from '../../model/records';
import type { UseCase } from '../deps';
import { markHeld } from '../meetings/meetingHeld';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { parseRecordInput } from '../support/recordInput';
import { writtenUpAs } from '../documents/recordPaperwork';


/** The meetings the product books, by the purpose a meeting record gives. */
const bookedKinds: Record<BodyOf<'meeting'>['purpose'], MeetingKind | undefined> = {
  'initial-school': 'school-meeting',
  contract: 'contract-meeting',
  review: 'review',
  'other-agency': undefined,
  'fair-access-panel': undefined,
  other: undefined,
};

/**
 * Step 4 (purpose "initial-school": the initial meeting with school) and any other meeting the
 * service attends (step 10: a meeting record for any meeting), written up as its meeting record.
 */
export const recordMeeting: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const input = parseRecordInput('meeting', raw);
  if (!input.ok) return input;
  const initial = input.value.body.purpose === 'initial-school';
  const body = input.value.body;
  return addRecord(deps, actor, input.value.caseId, body, input.value.requestKey, {
    paperwork: writtenUpAs(deps, () => ({ kind: 'meeting-record', record: body, recordedBy: actor.displayName })),
    alongside: markHeld(deps, actor, input.value.caseId, bookedKinds[body.purpose], body.heldOn),
    alreadyDone: (c) => (initial ? c.milestones.schoolMeeting : undefined),
    milestone: (c, record) =>
      initial && !c.milestones.schoolMeeting ? { milestones: { ...c.milestones, schoolMeeting: { at: record.createdAt, by: record.createdBy, recordKey: record.key } } } : undefined,
  });
};
