import type { JobKind } from '../model/job';

/** What each kind of job does, in a few words (the `due` card, logs). Every kind has its words. */
export const jobWords: Record<JobKind, string> = {
  'check-out-missed': 'Alert managers if the lone-working check-out is missed (again every 15 minutes until acknowledged)',
  'join-link': 'Read the Teams link again',
  'information-chaser': 'Remind the school of the information form',
  'review-due': 'Remind the worker that a review is due',
  'support-ending': 'Tell the worker the six weeks of support are ending',
  'daily-plan': 'Queue any reminders the open cases are missing',
  'meeting-reminder': 'Remind the worker of a meeting the working day before',
  'meeting-changes': 'Look for meetings moved or cancelled in Outlook',
  'term-evaluation': 'Ask the school for its end-of-term evaluation',
};
