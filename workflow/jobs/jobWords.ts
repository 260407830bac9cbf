import type { JobKind } from '../model/job';

/** What each kind of job does, in a few words (the `due` card, logs). Every kind has its words. */
export const jobWords: Record<JobKind, string> = {
  'check-out-missed': 'Alert managers if the lone-working check-out is missed',
  'join-link': 'Read the Teams link again',
  'meeting-reminder': 'Remind the worker of a meeting the working day before',
  'meeting-changes': 'Look for meetings moved or cancelled in Outlook',
  'term-evaluation': 'Ask the school for its end-of-term evaluation',
};
