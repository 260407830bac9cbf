import type { RecordKind } from '../../../workflow';

/** How each kind of case record is named on cards. */
export const recordLabels: Record<RecordKind, string> = {
  'information-returned': 'Information returned',
  observation: 'Observation',
  'observation-skipped': 'Further observation skipped',
  meeting: 'Meeting',
  'home-visit': 'Home visit / Teams call',
  'lone-working': 'Lone-working check-in',
  'support-session': 'Support session',
  chronology: 'Chronology entry',
  time: 'Time entry',
  review: 'Review',
  report: 'Report',
  'evaluation-request': 'Evaluation request',
  'safeguarding-concern': 'Safeguarding concern',
  addendum: 'Addendum',
};
