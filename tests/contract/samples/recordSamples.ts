import type { CaseRecord, NewItem } from '../../../workflow';
import { freshItemId, freshUserId } from './fresh';

const worker = '0b7d4c21-9e6f-4a58-8c3b-5d2e1f0a9c84';

const attribution = {
  createdBy: worker,
  createdAt: '2026-09-21T11:20:00.000Z',
  updatedBy: worker,
  updatedAt: '2026-09-21T11:20:00.000Z',
};

/** A first observation of a fresh case: a nested list of strategies checked. */
export function freshObservation(): NewItem<CaseRecord> {
  return {
    caseId: freshItemId(),
    step: 4,
    safeguarding: false,
    locked: true,
    lockedBy: worker,
    body: {
      kind: 'observation',
      observedOn: '2026-09-21',
      setting: 'Year 4 classroom, maths lesson',
      focus: 'classroom',
      outcome: 'Settles with a movement break every 20 minutes.',
      wayForward: 'Agree a break card with the class teacher.',
      strategiesChecked: [
        { strategy: 'Visual timetable', inUse: true, effective: 'partly' },
        { strategy: 'Now and next board', inUse: false, effective: 'not-known' },
      ],
    },
    ...attribution,
  };
}

/** A lone-working visit planned but not yet checked into: optional instants absent. */
export function freshLoneWorking(): NewItem<CaseRecord> {
  return {
    caseId: freshItemId(),
    step: 7,
    safeguarding: false,
    locked: false,
    body: { kind: 'lone-working', plannedStart: '2026-10-06T15:30:00+01:00', plannedEnd: '2026-10-06T16:30:00+01:00' },
    ...attribution,
  };
}

/** A meeting note with its optional agreements filled in. */
export function freshMeeting(): NewItem<CaseRecord> {
  return {
    caseId: freshItemId(),
    step: 5,
    safeguarding: false,
    locked: false,
    body: {
      kind: 'meeting',
      heldOn: '2026-09-28',
      purpose: 'initial-school',
      attendees: ['SENCo', 'Class teacher', 'Outreach worker'],
      notes: 'Agreed the pupil starts each day with the learning mentor.',
      agreedSupport: 'Two sessions a week for six weeks',
      expectations: 'School keeps the break card in use',
    },
    ...attribution,
  };
}

/** Locking a record, as a safeguarding concern does (a fresh lockedBy, so no two changes are alike). */
export function changeRecord(item: NewItem<CaseRecord>): Partial<NewItem<CaseRecord>> {
  const by = freshUserId();
  return { safeguarding: !item.safeguarding, locked: true, lockedBy: by, updatedBy: by, updatedAt: '2026-09-22T08:05:00.000Z' };
}
