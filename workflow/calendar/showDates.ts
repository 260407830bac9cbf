import { DateTime } from 'luxon';
import { isRealIsoDate } from './calendarDate';
import { londonZone } from './londonTime';

/**
 * The one way dates and times are shown as text, on cards and in mail: "Tue 1 Dec 2026" for a
 * date and "10:30" (24-hour, UK time) for a time. Date inputs keep ISO values: the host draws them.
 * A value that is not a real date or instant is shown as given, so nothing is silently dropped.
 */

const dateStyle = 'ccc d LLL yyyy';
const timeStyle = 'HH:mm';

const londonAt = (instant: string): DateTime => DateTime.fromISO(instant, { setZone: false }).setZone(londonZone);

/** "Tue 1 Dec 2026" from a YYYY-MM-DD calendar date, or from an ISO instant (its UK date). */
export const readableDate = (date: string): string => {
  if (isRealIsoDate(date)) return DateTime.fromISO(date, { zone: 'utc' }).toFormat(dateStyle);
  const at = londonAt(date);
  return at.isValid ? at.toFormat(dateStyle) : date;
};

/** "10:30" in UK time from an ISO instant. */
export const readableTime = (instant: string): string => {
  const at = londonAt(instant);
  return at.isValid ? at.toFormat(timeStyle) : instant;
};

/** "Tue 1 Dec 2026, 10:30" in UK time from an ISO instant. */
export const readableDateTime = (instant: string): string => {
  const at = londonAt(instant);
  return at.isValid ? `${at.toFormat(dateStyle)}, ${at.toFormat(timeStyle)}` : instant;
};
