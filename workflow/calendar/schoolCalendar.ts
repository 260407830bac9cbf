import { workflowError } from '../errors';
import type { BankHolidays, HalfTerm, IsoDate, TermCalendar } from '../model/termDates';
import { fail, ok, type Result } from '../result';
import { datesFrom, isRealIsoDate, isWeekday, plusDays } from './calendarDate';

export const schoolDaysPerWeek = 5;
export const defaultSupportWeeks = 6;

/**
 * School-day arithmetic over one term calendar and the bank holidays. A school day is a
 * Monday to Friday inside a half-term that is neither a bank holiday nor a closure.
 *
 * The calendar knows the dates from the first half-term's start to the last half-term's end
 * (narrowed to the calendar years the bank holidays list). A date outside that span gives
 * TermDatesMissing; a malformed argument gives ValidationFailed naming it.
 */
export interface SchoolCalendar {
  readonly id: string;
  readonly name: string;
  readonly halfTerms: readonly HalfTerm[];
  /** First and last dates the calendar can answer for. */
  readonly coveredFrom: IsoDate;
  readonly coveredTo: IsoDate;
  isSchoolDay(date: IsoDate): Result<boolean>;
  /** A bank holiday in England and Wales (a working day for no one). */
  isBankHoliday(date: IsoDate): boolean;
  /** The half-term the date falls in; undefined in a holiday or outside the calendar. */
  halfTermContaining(date: IsoDate): HalfTerm | undefined;
  /** The half-term containing the date or, in a holiday, the next one. */
  halfTermAtOrAfter(date: IsoDate): Result<HalfTerm>;
  /**
   * The n-th school day counting from `start`, where `start` itself is day 1 if it is a
   * school day (otherwise day 1 is the next school day). So n = 1 gives the first school
   * day on or after `start`, and n = 5 from a Monday of a full week gives that Friday.
   * n must be a whole number of at least 1.
   */
  addSchoolDays(start: IsoDate, n: number): Result<IsoDate>;
  /** School days from `from` to `to`, both included. */
  schoolDaysBetween(from: IsoDate, to: IsoDate): Result<number>;
  /**
   * The last school day of `weeks` school weeks of support starting on `start` (counted as
   * in addSchoolDays): one school week is 5 school days, and `pausedDays` (the days a case
   * was paused) do not count.
   */
  supportPeriodEnd(start: IsoDate, weeks?: number, pausedDays?: readonly IsoDate[]): Result<IsoDate>;
  /** Whether the calendar can answer for every date from `from` to `to`. */
  coversRange(from: IsoDate, to: IsoDate): boolean;
}

const later = (a: string, b: string): string => (a > b ? a : b);
const earlier = (a: string, b: string): string => (a < b ? a : b);

/** The span the bank-holiday list speaks for: whole calendar years from its first to its last entry. */
const bankHolidayYears = (bankHolidays: BankHolidays): { from: string; to: string } => {
  const years = bankHolidays.dates.map(({ date }) => date.slice(0, 4)).sort();
  const first = years[0];
  const last = years[years.length - 1];
  return first === undefined || last === undefined ? { from: '9999-12-31', to: '0000-01-01' } : { from: `${first}-01-01`, to: `${last}-12-31` };
};

const invalidDate = (field: string, value: unknown) =>
  fail(workflowError('ValidationFailed', `${field} must be a real date written YYYY-MM-DD, not ${String(value)}`, { field }));

export function schoolCalendar(calendar: TermCalendar, bankHolidays: BankHolidays): SchoolCalendar {
  const halfTerms = Object.freeze(calendar.halfTerms.map((half) => Object.freeze({ ...half })));
  const termFrom = halfTerms[0]?.start ?? '9999-12-31';
  const termTo = halfTerms[halfTerms.length - 1]?.end ?? '0000-01-01';
  const listed = bankHolidayYears(bankHolidays);
  const coveredFrom = later(termFrom, listed.from);
  const coveredTo = earlier(termTo, listed.to);

  const bankHolidayDates = new Set(bankHolidays.dates.map(({ date }) => date));
  const closed = new Set([...calendar.closures, ...bankHolidays.dates.map(({ date }) => date)]);
  const schoolDays: readonly string[] = Object.freeze(
    halfTerms.flatMap((half) => [...datesFrom(half.start, half.end)].filter((day) => isWeekday(day) && !closed.has(day))),
  );

  /** How many school days fall before `date` (binary search). */
  const countBefore = (date: string): number => {
    let low = 0;
    let high = schoolDays.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((schoolDays[middle] ?? '') < date) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  const covers = (date: string): boolean => date >= coveredFrom && date <= coveredTo;

  const missing = (field: string, date: string) =>
    fail(
      workflowError(
        'TermDatesMissing',
        `${calendar.name} has term dates and bank holidays from ${coveredFrom} to ${coveredTo}; ${date} is outside them`,
        { field },
      ),
    );

  /** ValidationFailed or TermDatesMissing for a date argument, or undefined if it is usable. */
  const problemWith = (field: string, date: unknown) => {
    if (typeof date !== 'string' || !isRealIsoDate(date)) return invalidDate(field, date);
    if (!covers(date)) return missing(field, date);
    return undefined;
  };

  const halfTermContaining = (date: IsoDate): HalfTerm | undefined =>
    halfTerms.find((half) => half.start <= date && date <= half.end);

  /** The `count`-th school day (1-based) on or after `start`, skipping `skipped` days. */
  const nthSchoolDayFrom = (start: string, count: number, skipped: ReadonlySet<string>, field: string): Result<IsoDate> => {
    let remaining = count;
    for (let index = countBefore(start); index < schoolDays.length; index += 1) {
      const day = schoolDays[index];
      if (day === undefined || day > coveredTo) break;
      if (skipped.has(day)) continue;
      remaining -= 1;
      if (remaining === 0) return ok(day);
    }
    return fail(
      workflowError(
        'TermDatesMissing',
        `${count} school days from ${start} run past ${coveredTo}, the last date ${calendar.name} has term dates and bank holidays for`,
        { field },
      ),
    );
  };

  const wholeNumberAtLeastOne = (field: string, value: number) =>
    Number.isInteger(value) && value >= 1
      ? undefined
      : fail(workflowError('ValidationFailed', `${field} must be a whole number of at least 1, not ${value}`, { field }));

  return Object.freeze({
    id: calendar.id,
    name: calendar.name,
    halfTerms,
    coveredFrom,
    coveredTo,

    isBankHoliday(date: IsoDate): boolean {
      return bankHolidayDates.has(date);
    },
    isSchoolDay(date: IsoDate): Result<boolean> {
      return problemWith('date', date) ?? ok(schoolDays[countBefore(date)] === date);
    },

    halfTermContaining,

    halfTermAtOrAfter(date: IsoDate): Result<HalfTerm> {
      const problem = problemWith('date', date);
      if (problem) return problem;
      const half = halfTerms.find((candidate) => candidate.end >= date);
      return half ? ok(half) : missing('date', date);
    },

    addSchoolDays(start: IsoDate, n: number): Result<IsoDate> {
      return problemWith('start', start) ?? wholeNumberAtLeastOne('n', n) ?? nthSchoolDayFrom(start, n, new Set(), 'n');
    },

    schoolDaysBetween(from: IsoDate, to: IsoDate): Result<number> {
      const problem = problemWith('from', from) ?? problemWith('to', to);
      if (problem) return problem;
      if (to < from) return fail(workflowError('ValidationFailed', `to (${to}) is before from (${from})`, { field: 'to' }));
      return ok(countBefore(plusDays(to, 1)) - countBefore(from));
    },

    supportPeriodEnd(start: IsoDate, weeks = defaultSupportWeeks, pausedDays: readonly IsoDate[] = []): Result<IsoDate> {
      const problem = problemWith('start', start) ?? wholeNumberAtLeastOne('weeks', weeks);
      if (problem) return problem;
      const badPause = pausedDays.find((day) => typeof day !== 'string' || !isRealIsoDate(day));
      if (badPause !== undefined) return invalidDate('pausedDays', badPause);
      return nthSchoolDayFrom(start, weeks * schoolDaysPerWeek, new Set(pausedDays), 'weeks');
    },

    coversRange(from: IsoDate, to: IsoDate): boolean {
      return isRealIsoDate(from) && isRealIsoDate(to) && from <= to && covers(from) && covers(to);
    },
  });
}
