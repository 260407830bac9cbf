import { DateTime } from 'luxon';
import { z } from 'zod';
import { isRealIsoDate } from './calendarDate';

export const londonZone = 'Europe/London';

/** A wall-clock time of day, 24-hour `HH:mm`. */
export const WallClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:mm');
export type WallClockTime = z.infer<typeof WallClockTime>;

/** The calendar date in London at an instant (BST or GMT as in force then). Throws on an invalid Date. */
export const londonDate = (instant: Date): string => {
  const date = DateTime.fromJSDate(instant, { zone: londonZone }).toISODate();
  if (date === null) throw new RangeError('londonDate needs a valid Date');
  return date;
};

/**
 * The instant at which London clocks show `time` on `date`.
 * On the March change day a time in the skipped hour (01:00-01:59) moves forward an hour;
 * on the October change day a time in the repeated hour takes the first (BST) occurrence.
 * Throws on a malformed date or time: callers pass values already checked at a boundary.
 */
export const londonInstant = (date: string, time: string): Date => {
  if (!isRealIsoDate(date) || !WallClockTime.safeParse(time).success) {
    throw new RangeError(`not a London date and time: ${date} ${time}`);
  }
  return DateTime.fromISO(`${date}T${time}`, { zone: londonZone }).toJSDate();
};

/** Whole minutes from `a` to `b` (negative if `b` is earlier), truncated towards zero. */
export const minutesBetween = (a: Date, b: Date): number => Math.trunc((b.getTime() - a.getTime()) / 60_000);
