import { DateTime } from 'luxon';
import { GraphError } from '../http/graphError';

/** Windows time zone names Outlook uses, for the zones this product is likely to meet. */
const windowsZones: Record<string, string> = {
  'utc': 'UTC',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'w. europe standard time': 'Europe/Berlin',
  'romance standard time': 'Europe/Paris',
  'central europe standard time': 'Europe/Budapest',
  'eastern standard time': 'America/New_York',
  'pacific standard time': 'America/Los_Angeles',
};

export const ianaZone = (timeZone: string): string => {
  const mapped = windowsZones[timeZone.toLowerCase()] ?? timeZone;
  if (!DateTime.now().setZone(mapped).isValid) throw new GraphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${timeZone}'.`);
  return mapped;
};

/** Graph's `dateTimeTimeZone` → UTC instant (ISO, whole seconds). */
export const toUtc = (value: { dateTime: string; timeZone?: string }): string => {
  const zone = ianaZone(value.timeZone ?? 'UTC');
  const dt = DateTime.fromISO(value.dateTime, { zone, setZone: false });
  if (!dt.isValid) throw new GraphError(400, 'ErrorInvalidRequest', `'${value.dateTime}' is not a valid date-time.`);
  return dt.toUTC().toISO({ suppressMilliseconds: true }) as string;
};

/** UTC instant → Graph's `dateTimeTimeZone` in the requested zone (Outlook's 7-digit fraction). */
export const fromUtc = (utc: string, timeZone: string): { dateTime: string; timeZone: string } => {
  const dt = DateTime.fromISO(utc, { zone: 'UTC' }).setZone(ianaZone(timeZone));
  return { dateTime: `${dt.toFormat("yyyy-LL-dd'T'HH:mm:ss")}.0000000`, timeZone };
};

/** The zone named in `Prefer: outlook.timezone="…"`, or UTC as Graph answers by default. */
export const preferredZone = (prefer: string | undefined): string => {
  const m = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(prefer ?? '');
  return m?.[1] ?? 'UTC';
};
