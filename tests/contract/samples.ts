import type { Case, CaseRecord, NewItem } from '../../workflow';

const at = '2026-09-14T09:00:00.000Z';

export const sampleCase = (n: number): NewItem<Case> => ({
  reference: `OC-26-${String(n).padStart(5, '0')}`,
  childId: `child-${n}`,
  schoolId: n % 2 ? 'school-a' : 'school-b',
  referralDate: '2026-09-14',
  referralSource: 'school',
  reasonForReferral: 'Dysregulation at lunchtimes',
  graduatedResponse: { plans: ['positive-behaviour-support-plan'], assessments: ['sdq', 'boxall'], whatHasBeenTried: 'Nurture group' },
  consent: 'given',
  status: 'open',
  step: 2,
  workerId: `worker-${n % 3}`,
  purchaseIds: ['7', '9'],
  milestones: { allocated: { at, by: 'manager-1' } },
  pauses: [],
  linkedCaseIds: [],
  referralKey: `referral-${n}`,
  createdBy: 'admin-1',
  createdAt: at,
  updatedBy: 'admin-1',
  updatedAt: at,
});

export const changeCase = (c: NewItem<Case>): Partial<NewItem<Case>> => ({ status: c.status === 'open' ? 'paused' : 'open', workerId: 'worker-9' });

export const sampleRecord = (n: number): NewItem<CaseRecord> => ({
  caseId: `case-${n}`,
  step: 3,
  safeguarding: false,
  locked: false,
  body: {
    kind: 'observation',
    observedOn: '2026-09-21',
    setting: 'Classroom',
    focus: 'classroom',
    outcome: 'Calmer with a visual timetable',
    wayForward: 'Keep the timetable',
    strategiesChecked: [{ strategy: 'Timetable', inUse: true, effective: 'yes' }],
  },
  createdBy: 'worker-1',
  createdAt: at,
  updatedBy: 'worker-1',
  updatedAt: at,
});

export const changeRecord = (): Partial<NewItem<CaseRecord>> => ({ safeguarding: true, locked: true, lockedBy: 'worker-1' });
