import { DateTime } from 'luxon';
import { readableDate } from '../../workflow';

const zone = 'Europe/London';

/** "Mon 21 Sep 2026" from a YYYY-MM-DD date. */
export const showDate = (isoDate: string | undefined): string => (isoDate ? readableDate(isoDate) : '');

/** "21 Sep 2026, 14:05" in UK time, from an ISO instant. */
export function showInstant(instant: string | undefined): string {
  if (!instant) return '';
  const d = DateTime.fromISO(instant, { setZone: false }).setZone(zone);
  return d.isValid ? d.toFormat('d LLL yyyy, HH:mm') : instant;
}

/** Today's date in UK time, YYYY-MM-DD (default value of date inputs). */
export function todayIn(now: Date): string {
  return DateTime.fromJSDate(now).setZone(zone).toISODate() ?? now.toISOString().slice(0, 10);
}

/** "1.5 hours" / "1 hour". */
export const showHours = (hours: number): string => `${hours} ${hours === 1 ? 'hour' : 'hours'}`;

/** Turns a code like `sen-support` into "sen support" for display. */
export const showCode = (code: string): string => code.replace(/-/g, ' ');
