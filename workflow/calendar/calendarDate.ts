import { DateTime } from 'luxon';

/**
 * Arithmetic on calendar dates written `YYYY-MM-DD`. A calendar date has no time of day, so
 * these work in UTC, where every day is 24 hours long: clock changes cannot shift a date.
 * ISO date strings sort in date order, so plain string comparison orders them.
 */

const isoDateShape = /^\d{4}-\d{2}-\d{2}$/;

const toDateTime = (date: string): DateTime => DateTime.fromISO(date, { zone: 'utc' });

export const isRealIsoDate = (value: string): boolean => isoDateShape.test(value) && toDateTime(value).isValid;

/** Throws on a malformed date: callers pass dates already checked at a boundary. */
const checked = (date: string): DateTime => {
  const parsed = isoDateShape.test(date) ? toDateTime(date) : undefined;
  if (!parsed?.isValid) throw new RangeError(`not a calendar date written YYYY-MM-DD: ${date}`);
  return parsed;
};

export const plusDays = (date: string, days: number): string => {
  const moved = checked(date).plus({ days }).toISODate();
  if (moved === null) throw new RangeError(`cannot move ${date} by ${days} days`);
  return moved;
};

/** 1 = Monday ... 7 = Sunday. */
export const weekdayOf = (date: string): number => checked(date).weekday;

export const isWeekday = (date: string): boolean => weekdayOf(date) <= 5;

/** Calendar year and month (1-12) of a date. */
export const yearAndMonth = (date: string): { year: number; month: number } => {
  const { year, month } = checked(date);
  return { year, month };
};

/** Every date from `from` to `to`, both included. */
export function* datesFrom(from: string, to: string): Generator<string> {
  for (let day = from; day <= to; day = plusDays(day, 1)) yield day;
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export const daysBetween = (from: string, to: string): number => Math.round(checked(to).diff(checked(from), 'days').days);
