import type { Case, Milestones } from '../model/case';

export const stepNumbers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type StepNumber = (typeof stepNumbers)[number];

/** The ten steps of the outreach process (seed 000), as PRODUCT.md names them. */
export const steps: Record<StepNumber, { name: string; nextAction: string }> = {
  1: { name: 'Referral received', nextAction: 'Log the referral' },
  2: { name: 'Initial information gathering', nextAction: 'Allocate a worker and record the returned information form and PDP' },
  3: { name: 'Initial observation', nextAction: 'Record the initial observation' },
  4: { name: 'Initial meeting with school', nextAction: 'Record the initial meeting with school' },
  5: { name: 'Home visit / Teams meeting', nextAction: 'Record the home visit or Teams call with the parent/carer' },
  6: { name: '2nd observation', nextAction: 'Record a further observation, or skip it with a reason' },
  7: { name: 'Contract written and shared', nextAction: 'Draft the contract and have it approved' },
  8: { name: 'Support begins', nextAction: 'Record support sessions' },
  9: { name: 'Review meeting', nextAction: 'Record the review: continue or end' },
  10: { name: 'Any others', nextAction: 'Case closed' },
};

/** Which record of each step is still missing, in order: the first missing one is the current step. */
const stepDone: Array<[StepNumber, (m: Milestones, c: Case) => boolean]> = [
  [2, (m) => Boolean(m.allocated && m.informationReturned)],
  [3, (m) => Boolean(m.firstObservation)],
  [4, (m) => Boolean(m.schoolMeeting)],
  [5, (m) => Boolean(m.homeVisit)],
  [6, (m) => Boolean(m.furtherObservation)],
  [7, (_m, c) => Boolean(c.contractInForce)],
  [8, (m) => Boolean(m.supportStarted)],
];

/**
 * The first step whose record is missing, from milestones only (9 once support has started; 10
 * when closed): what the Order rule names. What a person is shown is caseProgress, which also
 * knows about contracts, reviews due and pauses.
 */
export function currentStep(c: Case): StepNumber {
  if (c.status === 'closed') return 10;
  for (const [step, done] of stepDone) if (!done(c.milestones, c)) return step;
  return 9;
}

export function isStepRecorded(c: Case, step: StepNumber): boolean {
  if (step === 1) return true;
  const entry = stepDone.find(([s]) => s === step);
  return entry ? entry[1](c.milestones, c) : false;
}

export const describeStep = (step: StepNumber): string => `step ${step} (${steps[step].name})`;
