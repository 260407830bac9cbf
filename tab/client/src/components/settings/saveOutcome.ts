/** What a save came to, in words a person reads next to the form. */
import { ApiFailure, failureMessage } from '../../api';

export type SaveOutcome =
  | { kind: 'saved'; message: string }
  /** The server refused a field (400): its own message. */
  | { kind: 'invalid'; message: string }
  /** The item changed since it was read (409): reload before changing it again. */
  | { kind: 'conflict'; message: string }
  /** Not checked yet, in the browser: a field left empty or not a number. */
  | { kind: 'unsent'; message: string }
  | { kind: 'failed'; message: string };

export const conflictMessage = 'Someone changed this since you opened it. Reload to see their change, then make yours again.';

export function failedOutcome(error: unknown): SaveOutcome {
  if (error instanceof ApiFailure && error.status === 409) {
    // A 409 is also what a change the service refuses as it stands says ("already on the Staff list"): its own words.
    const stale = error.code === undefined || error.code === 'ConcurrentChange';
    return stale ? { kind: 'conflict', message: conflictMessage } : { kind: 'invalid', message: error.message };
  }
  if (error instanceof ApiFailure && (error.status === 400 || error.status === 422)) return { kind: 'invalid', message: error.message };
  return { kind: 'failed', message: failureMessage(error) };
}

export const outcomeTitles: Record<Exclude<SaveOutcome['kind'], 'saved'>, string> = {
  invalid: 'Not saved',
  conflict: 'Not saved: changed by someone else',
  unsent: 'Not saved yet',
  failed: 'Not saved',
};
