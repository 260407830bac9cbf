import { readableTime } from '../../workflow';
import type { Outcome } from './outcomes';

/**
 * A repeated submit (double click, Teams retry, a stale copy of a form already sent) is not a
 * mistake: the card says when and by whom the record was made, keeps what was recorded, and
 * is worded as a confirmation rather than an error.
 */
export function alreadyRecorded(first: Outcome): Outcome {
  const by = first.by;
  const when = by ? readableTime(by.at) : '';
  const who = by ? (by.self ? 'you' : by.name) : '';
  const headline = ['Already recorded', when ? `at ${when}` : '', who ? `by ${who}` : ''].filter(Boolean).join(' ');
  const detail = [first.headline, first.detail, 'This was the same submit again, so nothing was written twice.'].filter(Boolean).join('\n\n');
  return { ...first, headline, tone: 'good', detail };
}
