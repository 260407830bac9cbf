import type { UseCase } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { parseRecordInput } from '../support/recordInput';
import { writtenUpAs } from '../documents/recordPaperwork';


/**
 * Steps 3 and 6: the initial observation on the Observation Form (outcome, way forward, the
 * school's strategies checked), and later further observations (the 2nd, maybe 3rd). Each is
 * written up on its Observation Form, filed in the child's folder.
 */
export const recordObservation: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const input = parseRecordInput('observation', raw);
  if (!input.ok) return input;
  const body = input.value.body;
  return addRecord(deps, actor, input.value.caseId, body, input.value.requestKey, {
    paperwork: writtenUpAs(deps, () => ({ kind: 'observation-form', record: body, observer: actor.displayName })),
    milestone: (c, record, step) => {
      const done = { at: record.createdAt, by: record.createdBy, recordKey: record.key };
      if (step === 3 && !c.milestones.firstObservation) return { milestones: { ...c.milestones, firstObservation: done } };
      if (step === 6 && !c.milestones.furtherObservation) return { milestones: { ...c.milestones, furtherObservation: done } };
      return undefined;
    },
  });
};
