import type { Case, NewItem } from '../../../workflow';
import { freshCaseReference, freshItemId, freshUserId } from './fresh';

const manager = '6f1c2a9e-3b4d-4e8f-9a10-2c3d4e5f6a7b';

/** A case at step 4 with a worker: nested milestones, arrays, optional fields present and absent. */
export function freshCase(): NewItem<Case> {
  const referral = freshUserId();
  return {
    reference: freshCaseReference(),
    childId: freshItemId(),
    schoolId: freshItemId(),
    referralDate: '2026-09-14',
    referralSource: 'school',
    reasonForReferral: 'Leaves the classroom when work is set; refuses to return after break.',
    graduatedResponse: {
      plans: ['pupil-passport', 'positive-behaviour-support-plan'],
      assessments: ['sdq', 'boxall'],
      whatHasBeenTried: 'Nurture group three mornings a week; a visual timetable; a named adult at lunch.',
    },
    consent: 'given',
    status: 'open',
    step: 4,
    workerId: freshUserId(),
    purchaseIds: [freshItemId()],
    milestones: {
      allocated: { at: '2026-09-15T08:45:00Z', by: manager },
      informationRequested: { at: '2026-09-15T09:10:00+01:00', by: manager },
      informationReturned: { at: '2026-09-22T14:05:00.000Z', by: manager, recordId: freshItemId() },
    },
    pauses: [],
    linkedCaseIds: [],
    referralKey: `referral-${referral}`,
    createdBy: manager,
    createdAt: '2026-09-14T10:02:11.000Z',
    updatedBy: manager,
    updatedAt: '2026-09-22T14:05:00.000Z',
  };
}

/** A case just referred: no worker, no contract, no closure, empty arrays and milestones. */
export function freshReferral(): NewItem<Case> {
  const { workerId: _worker, ...referral } = freshCase();
  return { ...referral, step: 1, purchaseIds: [], milestones: {} };
}

/** A closed case carrying every optional part: contract in force, pauses (one open-ended), closure, links. */
export function freshClosedCase(): NewItem<Case> {
  const item = freshCase();
  return {
    ...item,
    referralSource: 'other-agency',
    referralSourceDetail: 'Early Help hub',
    status: 'closed',
    step: 10,
    contractInForce: { contractId: freshItemId(), version: 2, startDate: '2026-10-05', reviewDate: '2026-11-16', supportEnds: '2026-11-20' },
    pauses: [
      { from: '2026-10-19', to: '2026-10-23', reason: 'Pupil in hospital', by: manager },
      { from: '2026-12-01', reason: 'Awaiting the family', by: manager },
    ],
    closure: { on: '2026-12-11', by: manager, how: 'moved-school', destination: 'mainstream', note: 'Moved out of county' },
    closedMonth: '2026-12',
    linkedCaseIds: [freshItemId(), freshItemId()],
  };
}

/** What a worker's update changes: an indexed status, a fresh worker (so no two changes are alike), nested and array fields. */
export function changeCase(item: NewItem<Case>): Partial<NewItem<Case>> {
  const by = freshUserId();
  return {
    status: item.status === 'open' ? 'paused' : 'open',
    workerId: by,
    milestones: { ...item.milestones, schoolMeeting: { at: '2026-09-29T13:30:00Z', by, recordId: freshItemId() } },
    pauses: [...item.pauses, { from: '2026-10-01', reason: 'School closed for a flood', by }],
    updatedBy: by,
    updatedAt: '2026-09-29T13:31:07.000Z',
  };
}
