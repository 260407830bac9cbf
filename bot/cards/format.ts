import { DateTime } from 'luxon';
import { readableDate, readableDateTime } from '../../workflow';

const zone = 'Europe/London';

/** "Tue 1 Dec 2026" from a YYYY-MM-DD date. */
export const showDate = (isoDate: string | undefined): string => (isoDate ? readableDate(isoDate) : '');

/** "Tue 1 Dec 2026, 14:05" in UK time, from an ISO instant. */
export const showInstant = (instant: string | undefined): string => (instant ? readableDateTime(instant) : '');

/** Today's date in UK time, YYYY-MM-DD (default value of date inputs). */
export function todayIn(now: Date): string {
  return DateTime.fromJSDate(now).setZone(zone).toISODate() ?? now.toISOString().slice(0, 10);
}

/** "1.5 hours" / "1 hour". */
export const showHours = (hours: number): string => `${hours} ${hours === 1 ? 'hour' : 'hours'}`;

/**
 * Turns a code like `sen-support` into "sen support" for display.
 * @deprecated Use the label maps in `./labels` (`labelOf(sendLabels, code)`): "SEN support". Kept
 * only for the case card, its header and offers, and my cases, which are edited elsewhere.
 */
export const showCode = (code: string): string => code.replace(/-/g, ' ');
