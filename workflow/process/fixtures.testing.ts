// Fictional fixtures for the process's tests (not used by the product).
import type { Case } from '../model/case';

/** A case just referred: open, nothing recorded yet. */
export const referredCase: Case = {
  id: '1',
  reference: 'OC-26-ABCDE',
  childId: '1',
  schoolId: '1',
  referralDate: '2026-09-14',
  referralSource: 'school',
  reasonForReferral: 'r',
  graduatedResponse: { plans: [], assessments: [], whatHasBeenTried: 't' },
  consent: 'given',
  status: 'open',
  step: 2,
  purchaseIds: [],
  milestones: {},
  pauses: [],
  linkedCaseIds: [],
  referralKey: 'k',
  createdBy: 'a',
  createdAt: '2026-09-14T09:00:00Z',
  updatedBy: 'a',
  updatedAt: '2026-09-14T09:00:00Z',
};

/** A milestone recorded. */
export const done = { at: '2026-09-14T09:00:00Z', by: 'a', recordId: '1' };
