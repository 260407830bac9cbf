import { academicYearOf, financialYearOf } from './years';

describe('financial year (April to March)', () => {
  it('puts 31 March in the year that began the April before', () => {
    expect(financialYearOf('2026-03-31')).toBe('2025-26');
  });
  it('starts a new financial year on 1 April', () => {
    expect(financialYearOf('2026-04-01')).toBe('2026-27');
  });
  it('writes the turn of the century with two digits', () => {
    expect(financialYearOf('2099-12-01')).toBe('2099-00');
  });
});

describe('academic year (September to August)', () => {
  it('puts 31 August in the year that began the September before', () => {
    expect(academicYearOf('2026-08-31')).toBe('2025-26');
  });
  it('starts a new academic year on 1 September', () => {
    expect(academicYearOf('2026-09-01')).toBe('2026-27');
  });
  it('keeps January in the academic year that began the previous September', () => {
    expect(academicYearOf('2027-01-04')).toBe('2026-27');
  });
});

describe('a malformed date', () => {
  it('is refused rather than read as some other date', () => {
    expect(() => financialYearOf('2026-02-30')).toThrow(RangeError);
    expect(() => academicYearOf('26-09-01')).toThrow(RangeError);
  });
});
