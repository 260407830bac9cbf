import type { Case, Milestones } from '../model/case';
import { done, referredCase } from './fixtures.testing';
import type { Contract } from '../model/contract';
import { caseProgress } from './caseProgress';

const base = referredCase;
const today = '2026-10-12';

const upTo6: Milestones = {
  allocated: done,
  informationRequested: done,
  informationReturned: done,
  firstObservation: done,
  schoolMeeting: done,
  homeVisit: { ...done, mode: 'home-visit' },
  furtherObservation: done,
};
const contractInForce = { contractId: 'k1', version: 1, startDate: '2026-10-05', reviewDate: '2026-12-10', supportEnds: '2026-11-20' };
const inSupport: Case = { ...base, milestones: { ...upTo6, supportStarted: done }, contractInForce };

const contract = (version: number, status: Contract['status']): Contract => ({
  id: `k${version}`,
  caseId: '1',
  version,
  status,
  targets: ['t'],
  support: 's',
  purchaseIds: ['p'],
  startDate: '2026-10-05',
  reviewDate: '2026-12-10',
  supportEnds: '2026-11-20',
  namedApprovers: [],
  decisions: [],
  createdBy: 'a',
  createdAt: '2026-09-30T09:00:00Z',
  updatedBy: 'a',
  updatedAt: '2026-09-30T09:00:00Z',
});

const at = (c: Case, contracts: Contract[] = [], on = today) => caseProgress(c, contracts, on);

describe('caseProgress: one truth for the step, the status line and the next action', () => {
  it('step 2: the next action names what is missing, and never "Allocate" once allocated', () => {
    expect(at(base)).toMatchObject({ step: 2, statusLine: 'Step 2 of 10: Initial information gathering', nextAction: 'Allocate a worker and send the school the information request' });
    expect(at({ ...base, milestones: { informationRequested: done } }).nextAction).toMatch(/^Allocate a worker; the information form and PDP are awaited/);
    expect(at({ ...base, milestones: { informationReturned: done } }).nextAction).toMatch(/^Allocate a worker \(the information form and PDP are back\)/);
    const allocated = at({ ...base, milestones: { allocated: done } });
    expect(allocated.step).toBe(2);
    expect(allocated.nextAction).toBe('Send the school the information request (the information form and PDP)');
    const requested = at({ ...base, milestones: { allocated: done, informationRequested: done } });
    expect(requested.nextAction).toBe('Record the returned information form and PDP when the school sends them back');
    for (const p of [allocated, requested]) expect(p.nextAction).not.toMatch(/allocate/i);
  });

  it('steps 3 to 6 follow the milestones', () => {
    const { firstObservation: _3, schoolMeeting: _4, homeVisit: _5, furtherObservation: _6, ...upTo2 } = upTo6;
    expect(at({ ...base, milestones: upTo2 })).toMatchObject({ step: 3, statusLine: 'Step 3 of 10: Initial observation', nextAction: 'Record the initial observation' });
    expect(at({ ...base, milestones: { ...upTo2, firstObservation: done } })).toMatchObject({ step: 4, stepName: 'Initial meeting with school' });
    expect(at({ ...base, milestones: { ...upTo2, firstObservation: done, schoolMeeting: done } })).toMatchObject({ step: 5, statusLine: 'Step 5 of 10: Home visit / Teams meeting' });
    expect(at({ ...base, milestones: { ...upTo6, furtherObservation: undefined } })).toMatchObject({ step: 6, nextAction: 'Record a further observation, or skip it with a reason' });
  });

  it('step 7: draft, waiting for approval of version N, redraft after changes requested', () => {
    const at7 = { ...base, milestones: upTo6 };
    expect(at(at7)).toMatchObject({ step: 7, statusLine: 'Step 7 of 10: Contract written and shared', nextAction: 'Draft the contract and have it approved' });
    expect(at(at7, [contract(1, 'awaiting-approval')]).nextAction).toBe('Waiting for approval of contract version 1');
    expect(at(at7, [contract(1, 'changes-requested')]).nextAction).toMatch(/^Redraft the contract/);
    expect(at(at7, [contract(1, 'changes-requested'), contract(2, 'awaiting-approval')]).nextAction).toBe('Waiting for approval of contract version 2');
    expect(at(at7, [contract(1, 'withdrawn'), contract(2, 'awaiting-approval')]).step).toBe(7);
  });

  it('step 8: a contract in force, before the first session and after sessions until the review is due', () => {
    const approved = [contract(1, 'approved')];
    expect(at({ ...base, milestones: upTo6, contractInForce }, approved)).toMatchObject({ step: 8, nextAction: 'Record the first support session (support runs to Fri 20 Nov 2026)' });
    const running = at(inSupport, approved);
    expect(running).toMatchObject({ step: 8, statusLine: 'Step 8 of 10: Support begins', reviewDue: false });
    expect(running.nextAction).toBe('Record support sessions; the review is on Thu 10 Dec 2026');
    expect(running.nextAction).not.toMatch(/Record the review/);
  });

  it('step 9: the review is due from 7 days before its date, or once the support period has ended', () => {
    expect(at(inSupport, [], '2026-11-20')).toMatchObject({ step: 8, reviewDue: false });
    expect(at(inSupport, [], '2026-11-21')).toMatchObject({ step: 9, reviewDue: true, statusLine: 'Step 9 of 10: Review meeting' });
    const longSupport = { ...inSupport, contractInForce: { ...contractInForce, supportEnds: '2026-12-18' } };
    expect(at(longSupport, [], '2026-12-02').step).toBe(8);
    expect(at(longSupport, [], '2026-12-03')).toMatchObject({ step: 9, nextAction: 'Record the review (agreed for Thu 10 Dec 2026): continue or end' });
  });

  it('after a review "continue", the next action is the new contract (step 7), not the review', () => {
    const lastReview = { ...done, heldOn: '2026-11-19', outcome: 'continue' as const };
    const reviewed: Case = { ...base, milestones: { ...upTo6, lastReview } };
    const p = at(reviewed, [contract(1, 'superseded')], '2026-11-19');
    expect(p).toMatchObject({ step: 7, nextAction: 'Draft the new contract version and have it approved (the review said continue)' });
    expect(at(reviewed, [contract(1, 'superseded'), contract(2, 'awaiting-approval')], '2026-11-19').nextAction).toBe('Waiting for approval of contract version 2');
  });

  it('after a review "end", the next action is completing and closing the case', () => {
    const lastReview = { ...done, heldOn: '2026-11-19', outcome: 'end' as const };
    const p = at({ ...inSupport, milestones: { ...inSupport.milestones, lastReview } }, [contract(1, 'ended')], '2026-11-19');
    expect(p.step).toBe(9);
    expect(p.nextAction).toMatch(/^Complete the case/);
    expect(p.nextAction).not.toMatch(/Record the review/);
  });

  it('a paused case says since when, and what comes once it resumes', () => {
    const paused: Case = { ...inSupport, status: 'paused', pauses: [{ from: '2026-10-20', reason: 'absence', by: 'm' }] };
    const p = at(paused);
    expect(p.step).toBe(8);
    expect(p.statusLine).toBe('Paused since Tue 20 Oct 2026, at step 8 of 10: Support begins');
    expect(p.nextAction).toBe('A manager resumes the case; then: Record support sessions; the review is on Thu 10 Dec 2026');
    const twice: Case = { ...paused, pauses: [{ from: '2026-09-20', to: '2026-09-25', reason: 'a', by: 'm' }, { from: '2026-10-20', reason: 'b', by: 'm' }] };
    expect(at(twice).statusLine).toMatch(/^Paused since Tue 20 Oct 2026/);
  });

  it('a reallocated case keeps its step and next action (reallocation is not allocation)', () => {
    const before = at(inSupport);
    const reallocated = at({ ...inSupport, workerId: 'someone-else' });
    expect(reallocated).toEqual(before);
    const early = at({ ...base, workerId: 'w2', milestones: { allocated: done, informationRequested: done } });
    expect(early.nextAction).not.toMatch(/allocate/i);
  });

  it('a case closed normally reads "Closed on <date>: <how>", never "Step 10 of 10"', () => {
    const closed: Case = { ...inSupport, status: 'closed', step: 10, closure: { on: '2026-12-01', by: 'w', how: 'review-ended', destination: 'mainstream' } };
    const p = at(closed);
    expect(p).toMatchObject({ step: 10, statusLine: 'Closed on Tue 1 Dec 2026: support ended at the review' });
    expect(p.statusLine).not.toMatch(/Step 10/);
  });

  it('a case closed early says why, as a person would, not the stored key', () => {
    const closed: Case = { ...base, status: 'closed', step: 10, closure: { on: '2026-10-02', by: 'm', how: 'consent-withdrawn' } };
    expect(at(closed).statusLine).toBe('Closed on Fri 2 Oct 2026: parental consent withdrawn');
    expect(at({ ...closed, closure: { on: '2026-10-02', by: 'm', how: 'moved-school' } }).statusLine).toBe('Closed on Fri 2 Oct 2026: pupil moved school');
  });
});
