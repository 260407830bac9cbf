import type { Case } from '../../model/case';
import type { Contract } from '../../model/contract';
import type { CaseRecord, RecordKind } from '../../model/records';
import type { Staff } from '../../model/staff';
import type { WorkflowDeps } from '../deps';
import { notifyAll } from './notify';
import { progressOf } from './progressOf';

/** How a notice names what was recorded (never its content: notices are mirrored by e-mail). */
const recordedWhat: Record<RecordKind, string> = {
  'information-returned': 'the returned information form',
  observation: 'an observation',
  'observation-skipped': 'that the further observation is skipped',
  meeting: 'a meeting',
  'home-visit': 'a home visit or Teams call',
  'lone-working': 'a lone-working check-in',
  'support-session': 'a support session',
  chronology: 'a chronology entry',
  time: 'a time entry',
  review: 'a review',
  report: 'the outreach report',
  'evaluation-request': 'an evaluation request',
  document: 'a document',
  'safeguarding-concern': 'a safeguarding concern',
  addendum: 'an addendum',
};

/**
 * Someone other than the case's worker recorded on it (a manager recording a step): the worker
 * hears what and who, by case reference only, with the case's next action. Once per record.
 */
export async function tellWorkerOfRecord(
  deps: WorkflowDeps,
  actor: Staff,
  c: Case,
  record: CaseRecord & { id: string },
  /** The case's contracts, when the caller read them with the case. */
  contracts?: readonly Contract[],
): Promise<void> {
  if (!c.workerId || c.workerId === actor.userId) return;
  const next = (await progressOf(deps, c, contracts)).nextAction;
  const summary = `${actor.displayName} recorded ${recordedWhat[record.body.kind]} on case ${c.reference}. Next: ${next}.`;
  await notifyAll(deps, 'case-recorded-by-other', c, summary, [c.workerId], record.id);
}
