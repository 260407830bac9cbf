import type { Case } from '../model/case';
import type { Child } from '../model/child';
import { historyFrom } from './historyBuilder.testing';
import { keyStageOf, pupilBreakdown, yearGroupAtReferral } from './pupils';

describe('pupils', () => {
  it('puts Reception in early years and Years 12-13 in key stage 5', () => {
    expect([0, 1, 2, 3, 6, 7, 9, 10, 11, 12, 13].map(keyStageOf)).toEqual(['early-years', 'ks1', 'ks1', 'ks2', 'ks2', 'ks3', 'ks3', 'ks4', 'ks4', 'ks5', 'ks5']);
  });

  it('works out the year group of an earlier case from the latest referral', () => {
    expect(yearGroupAtReferral({ referralDate: '2023-10-02' }, { yearGroup: 9 }, '2025-09-29')).toBe(7);
    expect(yearGroupAtReferral({ referralDate: '2025-11-10' }, { yearGroup: 8 }, '2026-03-09')).toBe(8);
    expect(yearGroupAtReferral({ referralDate: '2020-10-02' }, { yearGroup: 2 }, '2025-09-29')).toBe(0);
  });

  it('counts a re-referred child once, under their first case in the period', () => {
    const h = historyFrom([
      { id: 'a', child: { id: 'k1', firstName: 'Ana', lastName: 'Mör', gender: 'female', yearGroup: 7, send: 'ehc-plan' }, school: 's', referred: '2026-01-05' },
      { id: 'b', child: 'k1', school: 's', referred: '2025-06-02', closed: { on: '2025-07-10', how: 'no-longer-needed' } },
    ]);
    const children = new Map<string, Child>(h.children.map((c) => [c.id, c]));
    const b = pupilBreakdown(h.cases as Case[], children, h.cases);
    expect(b.pupils).toBe(1);
    expect(b.girls).toBe(1);
    expect(b.ehcPlan).toBe(1);
    // First case (June 2025, the year before the latest referral): Year 6, primary.
    expect(b.primary).toBe(1);
    expect(b.keyStage.ks2).toBe(1);
  });

  it('is all zeros for no cases', () => {
    const b = pupilBreakdown([], new Map(), []);
    expect(b.pupils).toBe(0);
    expect(b.send).toBe(0);
  });
});
