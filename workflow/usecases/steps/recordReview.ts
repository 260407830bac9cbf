import { workflowError } from '../../errors';
import { updateOnce } from '../support/updateOnce';
import { fail, ok, type Result } from '../../result';
import type { Contract } from '../../model/contract';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import type { UseCase, WorkflowDeps } from '../deps';
import { markHeld } from '../meetings/meetingHeld';
import { addRecordTo, type AddRecordOptions, type RecordAdded } from '../support/addRecord';
import { openCase } from '../support/caseAccess';
import { now } from '../support/time';
import { parseRecordInput } from '../support/recordInput';
import { completeLoaded, type ClosedCase } from '../closing/completeCase';
import type { UnitOfWork } from '../support/unitOfWork';

/** A review recorded; after "end", how completing the case went in the same request. */
export interface ReviewRecorded extends RecordAdded {
  /**
   * "end" only: the case completed (report filed and sent, evaluation requested, closed), or why
   * completing stopped. The review stays recorded either way; completing again carries on.
   */
  completed?: Result<ClosedCase>;
}

/** A service (folders, mail) failed while completing: the review is saved, completing again carries on. */
const stopped: Result<ClosedCase> = fail(
  workflowError('InvalidState', 'A service did not answer while the case was being completed; what was done is kept.', { rule: 'Closing' }),
);

/**
 * Step 9: the review meeting. "Continue" starts a new contract (the old one stays on file,
 * superseded); "end" completes the case in the same request: the End of Outreach Report is
 * filed and sent, the evaluation requested and the case closed (completeCase, which mails
 * nothing twice, so a repeat of the submit only finishes what a failure left).
 * The case, its approved contracts and (for "end") its records are read together, once.
 */
export const recordReview: UseCase<unknown, ReviewRecorded> = async (deps, actor, raw) => {
  const input = parseRecordInput('review', raw);
  if (!input.ok) return input;
  const body = input.value.body;
  if (body.outcome === 'end' && !body.destination) {
    return fail(workflowError('ValidationFailed', 'When support ends, record where the pupil goes next.', { field: 'destination' }));
  }
  const { caseId } = input.value;
  const meetingsRead = deps.stores.meetings.find({ caseId });
  const reviewHeld = markHeld(deps, actor, caseId, 'review', body.heldOn, meetingsRead);
  const [opened, reviewed, records] = await Promise.all([
    openCase(deps, actor, caseId, 'caseload'),
    deps.stores.contracts.find({ caseId, status: 'approved' }),
    body.outcome === 'end' ? deps.stores.records.find({ caseId }) : [],
  ]);
  if (!opened.ok) return opened;
  const options: AddRecordOptions = {
    alongside: reviewHeld,
    rule: (c) => (c.contractInForce ? ok(undefined) : fail(workflowError('NoContractInForce', 'There is no contract in force to review.', { rule: 'Reviews' }))),
    milestone: (c, record) => {
      if (c.milestones.lastReview?.recordKey === record.key) return undefined;
      const lastReview = { at: record.createdAt, by: record.createdBy, recordKey: record.key, heldOn: body.heldOn, outcome: body.outcome, ...(body.destination ? { destination: body.destination } : {}) };
      const milestones = { ...c.milestones, lastReview };
      if (body.outcome === 'continue') {
        // A new contract follows: support under it starts again after its approval.
        delete milestones.supportStarted;
        return { milestones, contractInForce: undefined };
      }
      return { milestones };
    },
  };
  const c = opened.value.case;
  // The child (for the report) is read with the review's writes: the same $batch on Graph.
  const [added, child] = await Promise.all([
    addRecordTo(deps, actor, c, body, input.value.requestKey, options, opened.value.asDsl),
    body.outcome === 'end' ? deps.stores.children.get(c.childId) : undefined,
  ]);
  if (!added.ok) return added;
  // A repeat of a review recorded earlier says what it recorded then, not what it says now.
  const recorded = added.value.record.body;
  const ending = recorded.kind === 'review' && recorded.outcome === 'end';
  if (!ending) {
    await Promise.all(reviewed.map((contract) => endContract(deps, actor, contract, 'superseded')));
    return added;
  }
  // The reviewed contract ends with the closing's writes (or, when completing stops first, on its own).
  let contractsEnded = false;
  const alongside = (work: UnitOfWork) => {
    contractsEnded = true;
    for (const contract of reviewed) work.add(`contract:${contract.id}`, () => endContract(deps, actor, contract, 'ended'));
  };
  const completed = await completeLoaded(deps, actor, added.value.case, { records, review: added.value.record, child, alongside, meetings: meetingsRead }).catch(() => stopped);
  if (!contractsEnded) await Promise.all(reviewed.map((contract) => endContract(deps, actor, contract, 'ended')));
  // Something new was done unless both the review and the closing were already done.
  const repeated = added.value.repeated && completed.ok && completed.value.repeated;
  return ok({ ...added.value, case: completed.ok ? completed.value : added.value.case, repeated, completed });
};

function endContract(deps: WorkflowDeps, actor: Staff, contract: Versioned<Contract>, status: 'superseded' | 'ended'): Promise<Versioned<Contract>> {
  return updateOnce(deps.stores.contracts, contract.id, { status, updatedBy: actor.userId, updatedAt: now(deps).at }, contract.etag);
}
