import type { Case } from '../../model/case';
import type { CaseRecord, RecordKind } from '../../model/records';
import type { Staff } from '../../model/staff';
import { currentStep, steps } from '../../process/steps';
import type { WorkflowDeps } from '../deps';
import { notifyAll } from './notify';

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
  'safeguarding-concern': 'a safeguarding concern',
  addendum: 'an addendum',
};

/**
 * The case's next action as its worker reads it: once allocated, step 2 waits only on the
 * information form and PDP, not on an allocation.
 */
export function workerNextAction(c: Case): string {
  const step = currentStep(c);
  if (step === 2 && c.milestones.allocated) return 'Record the returned information form and PDP when the school sends them back';
  return steps[step].nextAction;
}

/**
 * Someone other than the case's worker recorded on it (a manager recording a step): the worker
 * hears what and who, by case reference only, with the case's next action. Once per record.
 */
export async function tellWorkerOfRecord(deps: WorkflowDeps, actor: Staff, c: Case, record: CaseRecord & { id: string }): Promise<void> {
  if (!c.workerId || c.workerId === actor.userId) return;
  const next = workerNextAction(c);
  const summary = `${actor.displayName} recorded ${recordedWhat[record.body.kind]} on case ${c.reference}. Next: ${next}.`;
  await notifyAll(deps, 'case-recorded-by-other', c, summary, [c.workerId], record.id);
}
