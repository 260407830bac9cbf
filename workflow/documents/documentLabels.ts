import type { BodyOf } from '../model/records';

/** Words the paperwork uses for the stored keys of records (never "unstructured-time" in a document). */

export const meetingPurposeLabels: Record<BodyOf<'meeting'>['purpose'], string> = {
  'initial-school': 'Initial meeting with school',
  contract: 'Contract meeting',
  review: 'Review meeting',
  'other-agency': 'Meeting with another agency',
  'fair-access-panel': 'Fair Access Panel',
  other: 'Other meeting',
};

export const observationFocusLabels: Record<BodyOf<'observation'>['focus'], string> = {
  classroom: 'In class',
  transition: 'Transitions',
  'unstructured-time': 'Unstructured time (break, lunch)',
  other: 'Other',
};

export const strategyEffectLabels: Record<BodyOf<'observation'>['strategiesChecked'][number]['effective'], string> = {
  yes: 'Effective',
  partly: 'Partly effective',
  no: 'Not effective',
  'not-known': 'Not known yet',
};

export const chronologyCategoryLabels: Record<BodyOf<'chronology'>['category'], string> = {
  note: 'Note',
  'update-to-school': 'Update to school',
  'update-to-home': 'Update to home',
  contact: 'Contact',
  're-referral': 'Re-referral',
};

export const withWhomLabels: Record<BodyOf<'support-session'>['withWhom'], string> = {
  pupil: 'With the pupil',
  staff: 'With school staff',
  'pupil-and-staff': 'With the pupil and school staff',
  parent: 'With the parent/carer',
};

export const homeVisitModeLabels: Record<BodyOf<'home-visit'>['mode'], string> = { 'home-visit': 'Home visit', 'teams-call': 'Teams call' };

export const reviewOutcomeLabels: Record<BodyOf<'review'>['outcome'], string> = { continue: 'Support continues under a new contract', end: 'Support ends' };

export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');
