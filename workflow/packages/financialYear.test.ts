import { financialYearOf, isFinancialYear } from './financialYear';

describe('financialYearOf', () => {
  it.each([
    ['2025-04-01', '2025-26'],
    ['2025-12-31', '2025-26'],
    ['2026-03-31', '2025-26'],
    ['2026-04-01', '2026-27'],
    ['2099-06-01', '2099-00'],
  ])('the financial year runs April to March: %s is in %s', (date, year) => {
    expect(financialYearOf(date)).toBe(year);
  });

  it('refuses text that is not a date', () => {
    expect(() => financialYearOf('1 April 2025')).toThrow(RangeError);
  });
});

describe('isFinancialYear', () => {
  it.each([
    ['2025-26', true],
    ['2099-00', true],
    ['2025-27', false],
    ['2025/26', false],
    ['2025', false],
  ])('%s -> %s', (s, expected) => {
    expect(isFinancialYear(s)).toBe(expected);
  });
});
