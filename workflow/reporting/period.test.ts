import { academicYearPeriod, academicYearsBetween, closedInPeriod, dateRangePeriod, financialYearsOf, openAtEnd, openDuringPeriod } from './period';

describe('ReportPeriod', () => {
  const year = academicYearPeriod('2025-26');

  it('is 1 September to 31 August for an academic year', () => {
    expect(year).toEqual({ label: 'Academic year 2025-26', from: '2025-09-01', to: '2026-08-31', academicYear: '2025-26' });
    expect(() => academicYearPeriod('2025-27')).toThrow(RangeError);
  });

  it('names a range that is exactly an academic year as one, and refuses a backwards or unreal range', () => {
    expect(dateRangePeriod('2025-09-01', '2026-08-31')).toEqual(year);
    expect(() => dateRangePeriod('2026-01-01', '2025-12-31')).toThrow(RangeError);
    expect(() => dateRangePeriod('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });

  it('counts a case open at any time in the period, to the day', () => {
    expect(openDuringPeriod({ referralDate: '2026-08-31' }, year)).toBe(true);
    expect(openDuringPeriod({ referralDate: '2026-09-01' }, year)).toBe(false);
    expect(openDuringPeriod({ referralDate: '2025-06-01', closure: { on: '2025-09-01', by: 'm', how: 'review-ended' } }, year)).toBe(true);
    expect(openDuringPeriod({ referralDate: '2025-06-01', closure: { on: '2025-08-31', by: 'm', how: 'review-ended' } }, year)).toBe(false);
  });

  it('takes a case closed on the last day as closed, not open at the end', () => {
    const c = { referralDate: '2026-01-05', closure: { on: '2026-08-31', by: 'm', how: 'review-ended' as const } };
    expect(openAtEnd(c, year)).toBe(false);
    expect(closedInPeriod(c, year)).toBe(true);
  });

  it('lists the financial years and academic years a span touches', () => {
    expect(financialYearsOf(year)).toEqual(['2025-26', '2026-27']);
    expect(financialYearsOf(dateRangePeriod('2025-04-01', '2026-03-31'))).toEqual(['2025-26']);
    expect(academicYearsBetween('2024-11-04', '2025-10-20')).toEqual(['2024-25', '2025-26']);
  });
});
