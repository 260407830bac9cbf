import { parseBankHolidays, parseTermCalendars } from './parseTermDates';

const calendar = {
  id: 'northvale-la',
  name: 'Northvale Council',
  halfTerms: [{ academicYear: '2025-26', term: 'autumn', half: 1, start: '2025-09-03', end: '2025-10-24' }],
};

describe('parseTermCalendars', () => {
  it('returns the calendars with closures defaulted', () => {
    const result = parseTermCalendars([calendar]);
    expect(result.ok && result.value[0]?.closures).toEqual([]);
  });
  it('returns ValidationFailed naming the bad field', () => {
    const bad = { ...calendar, halfTerms: [{ ...calendar.halfTerms[0], end: '2025-10-32' }] };
    const result = parseTermCalendars([calendar, bad]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ValidationFailed');
    expect(result.error.field).toBe('[1].halfTerms[0].end');
    expect(result.error.message).toContain('must be a real date');
  });
  it('refuses two calendars with the same id', () => {
    const result = parseTermCalendars([calendar, calendar]);
    expect(!result.ok && result.error).toMatchObject({ code: 'ValidationFailed', field: '[1].id' });
  });
  it('refuses something that is not an array', () => {
    const result = parseTermCalendars(calendar);
    expect(!result.ok && result.error.field).toBe('(root)');
  });
});

describe('parseBankHolidays', () => {
  it('returns ValidationFailed naming a missing title', () => {
    const result = parseBankHolidays({ region: 'england-and-wales', dates: [{ date: '2025-12-25' }] });
    expect(!result.ok && result.error).toMatchObject({ code: 'ValidationFailed', field: 'dates[0].title' });
  });
});
