import { z } from 'zod';
import type { CaseRecord } from '../../model/records';
import type { Versioned } from '../../ports/store';
import { ok } from '../../result';
import { requireRole } from '../../rules/access';
import type { UseCase } from '../deps';
import { audit } from '../support/audit';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import { UnitOfWork } from '../support/unitOfWork';
import { updateOnce } from '../support/updateOnce';
import { loadCheckIn } from './visitCheckIn';

export const AcknowledgeCheckOutInput = z.object({ caseId: z.string().min(1), recordId: z.string().min(1) });

export interface CheckOutAcknowledged {
  record: Versioned<CaseRecord>;
  /** Acknowledged already (by this manager or another), or checked out meanwhile: nothing new was written. */
  repeated: boolean;
}

/**
 * Rule "Lone working": a manager acknowledges the missed check-out alert from its card, which
 * stops the repeats. Recorded on the check-in, with who and when; once only.
 */
export const acknowledgeMissedCheckOut: UseCase<unknown, CheckOutAcknowledged> = async (deps, actor, raw) => {
  const allowed = requireRole(actor, ['manager'], 'acknowledge a missed check-out alert');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(AcknowledgeCheckOutInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, recordId } = parsed.value;
  const found = await loadCheckIn(deps, actor, caseId, recordId);
  if (!found.ok) return found;
  const { record } = found.value;
  if (record.body.acknowledgedAt || record.body.checkedOutAt) return ok({ record, repeated: true });
  const stamp = now(deps);
  const acknowledged = { body: { ...record.body, acknowledgedAt: stamp.at, acknowledgedBy: actor.userId }, updatedBy: actor.userId, updatedAt: stamp.at };
  const work = new UnitOfWork(deps.batching, `check-out-acknowledged:${record.id}`);
  const saved = work.add('record', () => updateOnce(deps.stores.records, record.id, acknowledged, record.etag));
  work.add('audit', () => audit(deps, actor, 'lone-working.alert-acknowledged', record.caseId, record.id, { recordId: record.id }), ['record']);
  await work.flush();
  return ok({ record: saved(), repeated: false });
};
