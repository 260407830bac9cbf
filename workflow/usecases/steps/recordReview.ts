import { workflowError } from '../../errors';
import { updateOnce } from '../support/updateOnce';
import { fail, ok } from '../../result';
import type { UseCase } from '../deps';
import { addRecord, type RecordAdded } from '../support/addRecord';
import { now } from '../support/time';
import { parseRecordInput } from '../support/recordInput';

/**
 * Step 9: the review meeting. "Continue" starts a new contract (the old one stays on file,
 * superseded); "end" leads to the End of Outreach Report and closing.
 */
export const recordReview: UseCase<unknown, RecordAdded> = async (deps, actor, raw) => {
  const input = parseRecordInput('review', raw);
  if (!input.ok) return input;
  const body = input.value.body;
  if (body.outcome === 'end' && !body.destination) {
    return fail(workflowError('ValidationFailed', 'When support ends, record where the pupil goes next.', { field: 'destination' }));
  }
  const added = await addRecord(deps, actor, input.value.caseId, body, input.value.requestKey, {
    rule: (c) => (c.contractInForce ? ok(undefined) : fail(workflowError('NoContractInForce', 'There is no contract in force to review.', { rule: 'Reviews' }))),
    milestone: (c, record) => {
      if (c.milestones.lastReview?.recordId === record.id) return undefined;
      const lastReview = { at: record.createdAt, by: record.createdBy, recordId: record.id, heldOn: body.heldOn, outcome: body.outcome };
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
  return added;
};
