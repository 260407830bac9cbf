import type { CaseStatus, Consent, Destination, GraduatedResponse } from './model/case';
import type { Gender, SendStatus } from './model/child';
import type { ContractStatus } from './model/contract';
import type { PackageKind } from './model/priceList';
import type { InvoiceStatus } from './model/purchase';
import type { RecordKind } from './model/records';
import type { Role } from './model/staff';
import type { z } from 'zod';

/**
 * The words a person reads for each stored key of the model's enums (never "sen-support" or
 * "awaiting-approval" on a card, in a letter or in a chronology note).
 */
export const referralSourceLabels: Record<'school' | 'inclusion-panel' | 'other-agency', string> = {
  school: 'School',
  'inclusion-panel': 'Inclusion panel',
  'other-agency': 'Other agency',
};

export const consentLabels: Record<Consent, string> = { given: 'Given', pending: 'Pending', refused: 'Refused', withdrawn: 'Withdrawn' };

export const caseStatusLabels: Record<CaseStatus, string> = { open: 'Open', paused: 'Paused', closed: 'Closed' };

export const sendLabels: Record<z.infer<typeof SendStatus>, string> = { none: 'None', 'sen-support': 'SEN support', 'ehc-plan': 'EHC plan' };

export const genderLabels: Record<z.infer<typeof Gender>, string> = { female: 'Female', male: 'Male', other: 'Other', 'not-stated': 'Not stated' };

export const planLabels: Record<z.infer<typeof GraduatedResponse>['plans'][number], string> = {
  'person-centred-plan': 'Person-centred plan',
  'positive-behaviour-support-plan': 'Positive behaviour support plan',
  'incident-support-plan': 'Incident support plan',
  iep: 'IEP',
  'pupil-passport': 'Pupil passport',
  other: 'Other',
};

export const assessmentLabels: Record<z.infer<typeof GraduatedResponse>['assessments'][number], string> = { sdq: 'SDQ', boxall: 'Boxall', thrive: 'Thrive', other: 'Other' };

export const destinationLabels: Record<Destination, string> = {
  mainstream: 'Back in mainstream',
  'specialist-provision': 'Specialist provision',
  'alternative-provision': 'Alternative provision',
  other: 'Other',
};

export const contractStatusLabels: Record<z.infer<typeof ContractStatus>, string> = {
  'awaiting-approval': 'Awaiting approval',
  approved: 'Approved',
  'changes-requested': 'Changes requested',
  superseded: 'Superseded',
  ended: 'Ended',
  withdrawn: 'Withdrawn',
};

export const roleLabels: Record<z.infer<typeof Role>, string> = { manager: 'Manager', admin: 'Administrator', worker: 'Outreach worker', dsl: 'DSL' };

export const packageKindLabels: Record<z.infer<typeof PackageKind>, string> = {
  'universal-offer': 'Universal offer',
  package: 'Package',
  consultancy: 'Consultancy',
  training: 'Training',
  placement: 'Placement',
};

export const invoiceStatusLabels: Record<z.infer<typeof InvoiceStatus>, string> = { 'not-invoiced': 'Not invoiced', invoiced: 'Invoiced', paid: 'Paid' };

/** How each kind of case record is named. */
export const recordKindLabels: Record<RecordKind, string> = {
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
  document: 'Document',
  'safeguarding-concern': 'Safeguarding concern',
  addendum: 'Addendum',
};

/** The label of a stored key, or the key in words (spaces for hyphens) when the map has none (an older value). */
export const labelOf = <K extends string>(labels: Record<K, string>, key: string | undefined): string =>
  key === undefined ? '' : ((labels as Record<string, string>)[key] ?? key.replace(/-/g, ' '));
