import { historyFrom } from './historyBuilder.testing';
import { firstContractApprovedOn, firstVisitOf, waits } from './timeliness';

describe('waits', () => {
  const h = historyFrom([
    { id: 'a', child: { id: 'k', firstName: 'Ilka', lastName: 'Sá', gender: 'female', yearGroup: 3 }, school: 's', referred: '2025-10-01', observations: ['2025-10-20'], homeVisits: ['2025-10-09'] },
  ]);

  it('takes the first visit as the earliest observation or home visit', () => {
    expect(firstVisitOf(h.records)).toBe('2025-10-09');
    expect(firstVisitOf([])).toBeUndefined();
  });

  it('takes the day of the first approving decision, in London', () => {
    const decided = { decisions: [{ id: 'd', by: 'm', at: '2025-10-09T23:30:00Z', outcome: 'approved' as const }] };
    expect(firstContractApprovedOn([decided as never])).toBe('2025-10-10');
  });

  it('bands the days at 7, 14 and 28', () => {
    const cases = [0, 7, 8, 14, 15, 28, 29].map((d, i) => ({ id: String(i), referralDate: '2025-10-01', days: d }));
    const w = waits(cases as never, (c) => {
      const d = (c as unknown as { days: number }).days;
      return new Date(Date.UTC(2025, 9, 1 + d)).toISOString().slice(0, 10);
    });
    expect(w.bands).toEqual({ 'days-0-7': 2, 'days-8-14': 2, 'days-15-28': 2, 'days-29-plus': 1 });
    expect(w.median).toBe(14);
    expect(w.count).toBe(7);
  });
});
