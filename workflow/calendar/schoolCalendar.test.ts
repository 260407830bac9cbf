import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BankHolidays, TermCalendar } from '../model/termDates';
import type { Result } from '../result';
import { parseBankHolidays, parseTermCalendars } from './parseTermDates';
import { schoolCalendar } from './schoolCalendar';

const readConfig = (file: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../data/config', file), 'utf8'));

const valueOf = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

const calendars = valueOf(parseTermCalendars(readConfig('term-dates.json')));
const bankHolidays = valueOf(parseBankHolidays(readConfig('bank-holidays.json')));
const calendarNamed = (id: string): TermCalendar => {
  const found = calendars.find((calendar) => calendar.id === id);
  if (!found) throw new Error(`no calendar ${id} in data/config/term-dates.json`);
  return found;
};

// Northvale: autumn 1 ends Fri 24 Oct 2025, autumn 2 runs 3 Nov-19 Dec, spring 1 starts 5 Jan 2026 (an INSET closure).
const northvale = schoolCalendar(calendarNamed('northvale-la'), bankHolidays);
// Brookfield: autumn 1 ends Fri 17 Oct 2025 (two-week October break), spring 2 runs 2 Mar-2 Apr 2026.
const brookfield = schoolCalendar(calendarNamed('brookfield-trust'), bankHolidays);

describe('isSchoolDay', () => {
  it('is true for a weekday in term', () => {
    expect(northvale.isSchoolDay('2025-10-24')).toEqual({ ok: true, value: true });
  });
  it.each([
    ['2025-10-25', 'a Saturday'],
    ['2025-10-27', 'the October half-term'],
    ['2026-05-04', 'the May Day bank holiday in term'],
    ['2026-01-05', 'an INSET closure'],
  ])('is false on %s, %s', (date) => {
    expect(northvale.isSchoolDay(date)).toEqual({ ok: true, value: false });
  });
  it("follows each calendar's own dates: 20 Oct 2025 is term in Northvale and holiday in Brookfield", () => {
    expect(northvale.isSchoolDay('2025-10-20')).toEqual({ ok: true, value: true });
    expect(brookfield.isSchoolDay('2025-10-20')).toEqual({ ok: true, value: false });
  });
  it('names a malformed date as ValidationFailed', () => {
    expect(northvale.isSchoolDay('2026-02-30')).toMatchObject({ ok: false, error: { code: 'ValidationFailed', field: 'date' } });
  });
});

describe('half-terms', () => {
  it('finds the half-term containing a date, and none in a holiday', () => {
    expect(northvale.halfTermContaining('2025-12-01')).toMatchObject({ academicYear: '2025-26', term: 'autumn', half: 2 });
    expect(northvale.halfTermContaining('2025-12-25')).toBeUndefined();
  });
  it('gives the next half-term for a holiday date, including across the summer into the next academic year', () => {
    expect(northvale.halfTermAtOrAfter('2025-12-25')).toMatchObject({ ok: true, value: { term: 'spring', half: 1, start: '2026-01-05' } });
    expect(northvale.halfTermAtOrAfter('2026-08-10')).toMatchObject({ ok: true, value: { academicYear: '2026-27', term: 'autumn', half: 1 } });
  });
  it('gives the containing half-term for a term date', () => {
    expect(northvale.halfTermAtOrAfter('2025-10-24')).toMatchObject({ ok: true, value: { term: 'autumn', half: 1 } });
  });
});

describe('addSchoolDays (the start counts as day 1 when it is a school day)', () => {
  it('makes day 5 from a Monday of a full week that Friday', () => {
    expect(northvale.addSchoolDays('2025-10-20', 5)).toEqual({ ok: true, value: '2025-10-24' });
  });
  it('jumps the October half-term: day 6 from 20 Oct 2025 is Monday 3 Nov', () => {
    expect(northvale.addSchoolDays('2025-10-20', 6)).toEqual({ ok: true, value: '2025-11-03' });
  });
  it('makes day 1 from a holiday date the first school day after it', () => {
    expect(northvale.addSchoolDays('2025-10-25', 1)).toEqual({ ok: true, value: '2025-11-03' });
  });
  it('counts the weekend of the March clock change as two calendar days: day 2 from Fri 27 Mar 2026 is Mon 30 Mar', () => {
    expect(brookfield.addSchoolDays('2026-03-27', 2)).toEqual({ ok: true, value: '2026-03-30' });
  });
  it.each([0, -1, 1.5])('refuses n = %p', (n) => {
    expect(northvale.addSchoolDays('2025-10-20', n)).toMatchObject({ ok: false, error: { code: 'ValidationFailed', field: 'n' } });
  });
});

describe('schoolDaysBetween (both ends included)', () => {
  it('counts 38 school days in Northvale autumn 1 2025 (Wed 3 Sep to Fri 24 Oct)', () => {
    expect(northvale.schoolDaysBetween('2025-09-03', '2025-10-24')).toEqual({ ok: true, value: 38 });
  });
  it('counts 2 across the October half-term and its clock-change weekend', () => {
    expect(northvale.schoolDaysBetween('2025-10-24', '2025-11-03')).toEqual({ ok: true, value: 2 });
  });
  it('counts 2 across the March clock-change weekend in term, and 9 over the last two weeks of spring 2', () => {
    expect(brookfield.schoolDaysBetween('2026-03-27', '2026-03-30')).toEqual({ ok: true, value: 2 });
    expect(brookfield.schoolDaysBetween('2026-03-23', '2026-04-03')).toEqual({ ok: true, value: 9 });
  });
  it('leaves out a bank holiday in term: May Day 2026', () => {
    expect(northvale.schoolDaysBetween('2026-05-01', '2026-05-05')).toEqual({ ok: true, value: 2 });
  });
  it('counts 0 for a holiday span and 1 for a single school day', () => {
    expect(northvale.schoolDaysBetween('2025-12-20', '2026-01-04')).toEqual({ ok: true, value: 0 });
    expect(northvale.schoolDaysBetween('2025-10-24', '2025-10-24')).toEqual({ ok: true, value: 1 });
  });
  it('refuses an end before the start', () => {
    expect(northvale.schoolDaysBetween('2025-10-24', '2025-10-20')).toMatchObject({ ok: false, error: { code: 'ValidationFailed', field: 'to' } });
  });
});

describe('supportPeriodEnd: six school weeks of 5 school days', () => {
  it('runs over the October half-term: from Mon 20 Oct 2025 to Fri 5 Dec', () => {
    expect(northvale.supportPeriodEnd('2025-10-20')).toEqual({ ok: true, value: '2025-12-05' });
  });
  it('starting in the last week before Christmas ends in the next half-term, after the INSET day', () => {
    const end = northvale.supportPeriodEnd('2025-12-15');
    expect(end).toEqual({ ok: true, value: '2026-02-09' });
    expect(northvale.halfTermContaining('2026-02-09')).toMatchObject({ term: 'spring', half: 1 });
  });
  it('does not count the May Day bank holiday: from Mon 13 Apr 2026 to Mon 1 Jun, after the May half-term', () => {
    expect(northvale.supportPeriodEnd('2026-04-13')).toEqual({ ok: true, value: '2026-06-01' });
  });
  it("gives the academy's own end for the same start: 21 Nov 2025 in Northvale, 28 Nov in Brookfield", () => {
    expect(northvale.supportPeriodEnd('2025-10-06')).toEqual({ ok: true, value: '2025-11-21' });
    expect(brookfield.supportPeriodEnd('2025-10-06')).toEqual({ ok: true, value: '2025-11-28' });
  });
  it('stops counting on paused school days: three paused days push the end from 21 to 26 Nov', () => {
    expect(northvale.supportPeriodEnd('2025-10-06', 6, ['2025-11-10', '2025-11-11', '2025-11-12'])).toEqual({ ok: true, value: '2025-11-26' });
  });
  it('ignores paused days that were holidays anyway', () => {
    expect(northvale.supportPeriodEnd('2025-10-06', 6, ['2025-10-28', '2025-11-01'])).toEqual({ ok: true, value: '2025-11-21' });
  });
  it('takes a number of weeks: one week from a Monday ends that Friday', () => {
    expect(northvale.supportPeriodEnd('2025-11-03', 1)).toEqual({ ok: true, value: '2025-11-07' });
  });
  it('refuses zero weeks and a malformed paused day', () => {
    expect(northvale.supportPeriodEnd('2025-11-03', 0)).toMatchObject({ ok: false, error: { code: 'ValidationFailed', field: 'weeks' } });
    expect(northvale.supportPeriodEnd('2025-11-03', 6, ['2025-11-31'])).toMatchObject({ ok: false, error: { code: 'ValidationFailed', field: 'pausedDays' } });
  });
});

describe('dates outside the configured calendar give TermDatesMissing', () => {
  const missing = (field: string) => ({ ok: false, error: { code: 'TermDatesMissing', field } });

  it('before the first half-term and after the last', () => {
    expect(northvale.isSchoolDay('2024-12-02')).toMatchObject(missing('date'));
    expect(northvale.addSchoolDays('2027-09-06', 1)).toMatchObject(missing('start'));
    expect(northvale.schoolDaysBetween('2025-09-01', '2025-09-10')).toMatchObject(missing('from'));
    expect(northvale.halfTermAtOrAfter('2027-08-01')).toMatchObject(missing('date'));
  });
  it('when six weeks would run past the last configured term date', () => {
    const result = northvale.supportPeriodEnd('2027-07-12');
    expect(result).toMatchObject(missing('weeks'));
    expect(!result.ok && result.error.message).toContain('2027-07-21');
  });
  it('when the bank holidays stop before the term dates do', () => {
    const only2025: BankHolidays = { ...bankHolidays, dates: bankHolidays.dates.filter(({ date }) => date.startsWith('2025')) };
    const short = schoolCalendar(calendarNamed('northvale-la'), only2025);
    expect(short.coveredTo).toBe('2025-12-31');
    expect(short.supportPeriodEnd('2025-12-15')).toMatchObject({ ok: false, error: { code: 'TermDatesMissing' } });
  });
});

describe('coversRange', () => {
  it('is true for the whole configured span and false one day either side', () => {
    expect(northvale.coversRange('2025-09-03', '2027-07-21')).toBe(true);
    expect(northvale.coversRange('2025-09-02', '2025-10-01')).toBe(false);
    expect(northvale.coversRange('2027-07-01', '2027-07-22')).toBe(false);
  });
  it("follows each calendar's own first day", () => {
    expect(brookfield.coversRange('2025-09-02', '2025-09-30')).toBe(true);
  });
  it('is false for a reversed or malformed range', () => {
    expect(northvale.coversRange('2025-10-24', '2025-10-20')).toBe(false);
    expect(northvale.coversRange('2025-10-20', '2025-10-32')).toBe(false);
  });
});
