import { DateTime } from 'luxon';
import type { Outcome } from './outcomes';

/** "10:31", 24-hour, in UK time. */
const clockTime = (instant: string): string => {
  const d = DateTime.fromISO(instant).setZone('Europe/London');
  return d.isValid ? d.toFormat('HH:mm') : '';
};

/**
 * A repeated submit (double click, Teams retry, a stale copy of a form already sent) is not a
 * mistake: the card says when and by whom the record was made, keeps what was recorded, and
 * is worded as a confirmation rather than an error.
 */
export function alreadyRecorded(first: Outcome): Outcome {
  const by = first.by;
  const when = by ? clockTime(by.at) : '';
  const who = by ? (by.self ? 'you' : by.name) : '';
  const headline = ['Already recorded', when ? `at ${when}` : '', who ? `by ${who}` : ''].filter(Boolean).join(' ');
  const detail = [first.headline, first.detail, 'This was the same submit again, so nothing was written twice.'].filter(Boolean).join('\n\n');
  return { ...first, headline, tone: 'good', detail };
}
