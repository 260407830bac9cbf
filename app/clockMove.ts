import { DateTime } from 'luxon';
import { z } from 'zod';

const zone = 'Europe/London';
/** The furthest one move goes: enough to watch a term pass, not a typo's century. */
const atMostDays = 366;

/** A move as the page's buttons and form send it (or a script, as JSON): forward by an hour, a day or a week, or to a time. */
export const ClockMove = z.union([
  z.strictObject({ by: z.enum(['hour', 'day', 'week']) }),
  z.strictObject({ to: z.string().trim().min(1, 'give a date or a time').max(40) }),
]);
export type ClockMove = z.infer<typeof ClockMove>;

export type MoveTarget = { ok: true; to: Date } | { ok: false; problem: string };

const wrong = (problem: string): MoveTarget => ({ ok: false, problem });

/**
 * When a move lands, from `now`: by an hour, a day or a week (a day is the same London time the
 * next day, across a clock change too), or to a London date (08:00, the start of a school day),
 * a London date and time (`2026-10-19T08:30`), or an instant with its offset. Forward only.
 */
export function moveTarget(input: unknown, now: Date): MoveTarget {
  const parsed = ClockMove.safeParse(input);
  if (!parsed.success) return wrong('Send {"by": "hour" | "day" | "week"} or {"to": "2026-10-19"} (a London date; 08:00), "2026-10-19T08:30" (London time) or an instant like "2026-10-19T07:30:00Z".');
  const from = DateTime.fromJSDate(now, { zone });
  const move = parsed.data;
  const to = 'by' in move ? from.plus({ [`${move.by}s`]: 1 }) : whenGiven(move.to);
  if (!to) return wrong(`"${'to' in move ? move.to : ''}" is not a date or time: write 2026-10-19, 2026-10-19T08:30 or 2026-10-19T07:30:00Z.`);
  if (to <= from) return wrong(`The clock only moves forward: it is ${from.toFormat('ccc d LLL yyyy, HH:mm')} (London) now, and ${to.setZone(zone).toFormat('ccc d LLL yyyy, HH:mm')} is not after that.`);
  if (to.diff(from, 'days').days > atMostDays) return wrong(`At most ${atMostDays} days at once.`);
  return { ok: true, to: to.toJSDate() };
}

function whenGiven(text: string): DateTime | undefined {
  const withOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  if (!withOffset && !dateOnly && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return undefined;
  const at = withOffset ? DateTime.fromISO(text, { setZone: true }) : DateTime.fromISO(dateOnly ? `${text}T08:00` : text, { zone });
  return at.isValid ? at : undefined;
}
