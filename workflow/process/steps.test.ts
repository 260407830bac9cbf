import { done, referredCase } from './fixtures.testing';
import { currentStep, isStepRecorded, steps } from './steps';

const base = referredCase;

describe('the ten steps', () => {
  it('names every step with its next action', () => {
    expect(Object.keys(steps)).toHaveLength(10);
    expect(steps[5].name).toBe('Home visit / Teams meeting');
  });

  it('step 2 needs both the allocation and the returned information', () => {
    expect(currentStep({ ...base, milestones: { allocated: done } })).toBe(2);
    expect(currentStep({ ...base, milestones: { informationReturned: done } })).toBe(2);
    expect(currentStep({ ...base, milestones: { allocated: done, informationReturned: done } })).toBe(3);
  });

  it('moves to 7 after a further observation or a skip, to 8 with a contract in force, to 9 once support started, 10 when closed', () => {
    const m = { allocated: done, informationReturned: done, firstObservation: done, schoolMeeting: done, homeVisit: { ...done, mode: 'teams-call' as const } };
    expect(currentStep({ ...base, milestones: m })).toBe(6);
    expect(currentStep({ ...base, milestones: { ...m, furtherObservation: { ...done, skippedReason: 'x' } } })).toBe(7);
    const contractInForce = { contractId: '1', version: 1, startDate: '2026-10-05', reviewDate: '2026-12-01', supportEnds: '2026-11-20' };
    expect(currentStep({ ...base, contractInForce, milestones: { ...m, furtherObservation: done } })).toBe(8);
    expect(currentStep({ ...base, contractInForce, milestones: { ...m, furtherObservation: done, supportStarted: done } })).toBe(9);
    expect(currentStep({ ...base, status: 'closed' })).toBe(10);
    expect(isStepRecorded(base, 1)).toBe(true);
  });
});
