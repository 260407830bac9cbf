import { historyFrom } from './historyBuilder.testing';
import { academicYearPeriod } from './period';
import { REVIEW_GRACE_DAYS, reviewTally } from './reviews';
import { indexHistory } from './scope';

const year = academicYearPeriod('2025-26');

function tally(spec: Parameters<typeof historyFrom>[0][number], today: string) {
  const h = historyFrom([spec]);
  const index = indexHistory(h);
  return reviewTally(h.cases, index.contractsByCase, index.recordsByCase, year, today);
}

describe('reviews on time', () => {
  const base = {
    id: 'c1',
    child: { id: 'k', firstName: 'Zé', lastName: 'Lund', gender: 'male' as const, yearGroup: 8 },
    school: 's',
    referred: '2025-09-08',
    contracts: [{ approvedOn: '2025-09-20', start: '2025-10-01', review: '2025-11-10' }],
  };

  it(`counts a review held up to ${REVIEW_GRACE_DAYS} days after its date as on time, and after that as late`, () => {
    expect(tally({ ...base, reviews: ['2025-11-17'] }, '2026-09-14')).toMatchObject({ due: 1, onTime: 1, late: 0, held: 1 });
    expect(tally({ ...base, reviews: ['2025-11-18'] }, '2026-09-14')).toMatchObject({ due: 1, onTime: 0, late: 1 });
  });

  it('is not yet due within the grace, missed after it', () => {
    expect(tally(base, '2025-11-17')).toMatchObject({ due: 1, notYetDue: 1, missed: 0 });
    expect(tally(base, '2025-11-18')).toMatchObject({ due: 1, notYetDue: 0, missed: 1 });
  });

  it('does not count a review the case closed before', () => {
    expect(tally({ ...base, closed: { on: '2025-10-20', how: 'consent-withdrawn' } }, '2026-09-14')).toMatchObject({ due: 1, closedFirst: 1, missed: 0 });
  });

  it('ignores contracts not approved', () => {
    expect(tally({ ...base, contracts: [{ start: '2025-10-01', review: '2025-11-10' }] }, '2026-09-14')).toMatchObject({ due: 0 });
  });
});
