import { AcademicYear, BankHolidays, HalfTerm, IsoDate, TermCalendar } from './termDates';

const half = (overrides: Partial<HalfTerm> = {}): HalfTerm => ({
  academicYear: '2025-26',
  term: 'autumn',
  half: 1,
  start: '2025-09-03',
  end: '2025-10-24',
  ...overrides,
});

const messages = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('IsoDate', () => {
  it('accepts a real date and 29 February in a leap year', () => {
    expect(IsoDate.safeParse('2025-09-03').success).toBe(true);
    expect(IsoDate.safeParse('2028-02-29').success).toBe(true);
  });
  it('refuses dates that do not exist or are not written YYYY-MM-DD', () => {
    for (const bad of ['2026-02-29', '2025-06-31', '2025-13-01', '2025-9-3', '03/09/2025', '2025-09-03T00:00']) {
      expect(IsoDate.safeParse(bad).success).toBe(false);
    }
  });
});

describe('AcademicYear', () => {
  it('accepts 2025-26 and refuses years that do not follow on', () => {
    expect(AcademicYear.safeParse('2025-26').success).toBe(true);
    expect(AcademicYear.safeParse('2025-27').success).toBe(false);
    expect(AcademicYear.safeParse('2025').success).toBe(false);
  });
});

describe('HalfTerm', () => {
  it('accepts a half-term inside its academic year', () => {
    expect(HalfTerm.safeParse(half()).success).toBe(true);
  });
  it('refuses a half-term that ends before it starts, naming end', () => {
    expect(messages(HalfTerm.safeParse(half({ end: '2025-09-01' })))).toEqual([
      'end: a half-term cannot end (2025-09-01) before it starts (2025-09-03)',
    ]);
  });
  it('refuses dates outside the stated academic year', () => {
    expect(messages(HalfTerm.safeParse(half({ academicYear: '2026-27' })))).toEqual([
      'start: 2025-09-03 is not in academic year 2026-27',
      'end: 2025-10-24 is not in academic year 2026-27',
    ]);
  });
  it('refuses a half number other than 1 or 2 and an unknown term', () => {
    expect(HalfTerm.safeParse({ ...half(), half: 3 }).success).toBe(false);
    expect(HalfTerm.safeParse({ ...half(), term: 'winter' }).success).toBe(false);
  });
});

describe('TermCalendar', () => {
  const autumn2 = half({ half: 2, start: '2025-11-03', end: '2025-12-19' });

  it('defaults closures to none', () => {
    const parsed = TermCalendar.parse({ id: 'x', name: 'X', halfTerms: [half(), autumn2] });
    expect(parsed.closures).toEqual([]);
  });
  it('refuses overlapping half-terms with a message naming both', () => {
    const result = TermCalendar.safeParse({ id: 'x', name: 'X', halfTerms: [half(), { ...autumn2, start: '2025-10-24' }] });
    expect(messages(result)).toEqual([
      'halfTerms.1.start: half-terms must be in date order and must not overlap: 2025-26 autumn 2 starts 2025-10-24, on or before 2025-26 autumn 1 ends 2025-10-24',
    ]);
  });
  it('refuses half-terms listed out of date order', () => {
    expect(TermCalendar.safeParse({ id: 'x', name: 'X', halfTerms: [autumn2, half()] }).success).toBe(false);
  });
  it('refuses half-terms out of their order in the year (spring before autumn)', () => {
    const result = TermCalendar.safeParse({ id: 'x', name: 'X', halfTerms: [half({ term: 'spring' }), autumn2] });
    expect(messages(result)).toEqual([
      'halfTerms.1.term: half-terms of a year go autumn 1, autumn 2, spring 1, spring 2, summer 1, summer 2: 2025-26 autumn 2 cannot follow 2025-26 spring 1',
    ]);
  });
  it('refuses a missing academic year between two configured ones', () => {
    const later = half({ academicYear: '2027-28', start: '2027-09-02', end: '2027-10-22' });
    const result = TermCalendar.safeParse({ id: 'x', name: 'X', halfTerms: [half(), later] });
    expect(messages(result)).toEqual([
      'halfTerms.1.academicYear: academic years must follow on: 2027-28 comes after 2025-26 with a year missing',
    ]);
  });
  it('refuses an empty calendar and a bad closure date', () => {
    expect(TermCalendar.safeParse({ id: 'x', name: 'X', halfTerms: [] }).success).toBe(false);
    expect(TermCalendar.safeParse({ id: 'x', name: 'X', halfTerms: [half()], closures: ['2025-09-31'] }).success).toBe(false);
  });
});

describe('BankHolidays', () => {
  it('needs a region and real dates with titles', () => {
    expect(BankHolidays.safeParse({ region: 'england-and-wales', dates: [{ date: '2025-12-25', title: 'Christmas Day' }] }).success).toBe(true);
    expect(BankHolidays.safeParse({ region: 'england-and-wales', dates: [{ date: '2025-12-32', title: 'X' }] }).success).toBe(false);
    expect(BankHolidays.safeParse({ region: 'england-and-wales', dates: [{ date: '2025-12-25', title: ' ' }] }).success).toBe(false);
  });
});
