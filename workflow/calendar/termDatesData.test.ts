import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { weekdayOf } from './calendarDate';
import { parseBankHolidays, parseTermCalendars } from './parseTermDates';

const readConfig = (file: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../data/config', file), 'utf8'));

const calendars = parseTermCalendars(readConfig('term-dates.json'));
const bankHolidays = parseBankHolidays(readConfig('bank-holidays.json'));

describe('data/config/term-dates.json', () => {
  it('validates', () => {
    expect(calendars).toMatchObject({ ok: true });
  });

  const list = calendars.ok ? calendars.value : [];

  it('holds the Northvale authority default and the Brookfield academy trust', () => {
    expect(list.map((calendar) => calendar.id)).toEqual(['northvale-la', 'brookfield-trust']);
  });

  it.each(['2025-26', '2026-27'])('gives every calendar six half-terms in %s, autumn 1 to summer 2', (year) => {
    for (const calendar of list) {
      const halves = calendar.halfTerms.filter((half) => half.academicYear === year).map((half) => `${half.term} ${half.half}`);
      expect(halves).toEqual(['autumn 1', 'autumn 2', 'spring 1', 'spring 2', 'summer 1', 'summer 2']);
    }
  });

  it('puts the October clock-change Sunday inside the October break of every calendar', () => {
    const clockChangeSundays: Record<string, string> = { '2025-26': '2025-10-26', '2026-27': '2026-10-25' };
    for (const calendar of list) {
      for (const [year, sunday] of Object.entries(clockChangeSundays)) {
        const autumn = calendar.halfTerms.filter((half) => half.academicYear === year && half.term === 'autumn');
        expect(autumn[0]?.end.localeCompare(sunday)).toBe(-1);
        expect(autumn[1]?.start.localeCompare(sunday)).toBe(1);
      }
    }
  });

  it('starts and ends every half-term on a weekday', () => {
    for (const half of list.flatMap((calendar) => calendar.halfTerms)) {
      expect(weekdayOf(half.start)).toBeLessThanOrEqual(5);
      expect(weekdayOf(half.end)).toBeLessThanOrEqual(5);
    }
  });
});

describe('data/config/bank-holidays.json', () => {
  it('validates', () => {
    expect(bankHolidays).toMatchObject({ ok: true, value: { region: 'england-and-wales' } });
  });

  const dates = bankHolidays.ok ? bankHolidays.value.dates.map(({ date }) => date) : [];

  it.each(['2025', '2026', '2027'])('lists the eight England and Wales bank holidays of %s', (year) => {
    expect(dates.filter((date) => date.startsWith(year))).toHaveLength(8);
  });

  it('moves Christmas and Boxing Day off the weekend with substitute days', () => {
    expect(dates).toEqual(expect.arrayContaining(['2026-12-25', '2026-12-28', '2027-12-27', '2027-12-28']));
    expect(dates).not.toContain('2026-12-26');
    expect(dates.every((date) => weekdayOf(date) <= 5)).toBe(true);
  });
});
