import { workflowError } from '../../errors';
import { updateOnce } from '../support/updateOnce';
import { fail, ok, type Result } from '../../result';
import type { UseCase } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { now } from '../support/time';
import { parseRecordInput } from '../support/recordInput';
import { completeCase, type ClosedCase } from '../closing/completeCase';

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
 */
export const recordReview: UseCase<unknown, ReviewRecorded> = async (deps, actor, raw) => {
  const input = parseRecordInput('review', raw);
  if (!input.ok) return input;
  const body = input.value.body;
  if (body.outcome === 'end' && !body.destination) {
    return fail(workflowError('ValidationFailed', 'When support ends, record where the pupil goes next.', { field: 'destination' }));
  }
  const added = await addRecord(deps, actor, input.value.caseId, body, input.value.requestKey, {
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
  });
  if (!added.ok) return added;
  const reviewed = await deps.stores.contracts.find({ caseId: input.value.caseId, status: 'approved' });
  for (const contract of reviewed) {
    await updateOnce(deps.stores.contracts, 
      contract.id,
      { status: body.outcome === 'continue' ? 'superseded' : 'ended', updatedBy: actor.userId, updatedAt: now(deps).at },
      contract.etag,
    );
  }
  // A repeat of a review recorded earlier says what it recorded then, not what it says now.
  const recorded = added.value.record.body;
  if (recorded.kind !== 'review' || recorded.outcome !== 'end') return added;
  const completed = await completeCase(deps, actor, { caseId: input.value.caseId }).catch(() => stopped);
  // Something new was done unless both the review and the closing were already done.
  const repeated = added.value.repeated && completed.ok && completed.value.repeated;
  return ok({ ...added.value, case: completed.ok ? completed.value : added.value.case, repeated, completed });
};
