import { freshCase } from '../../tests/contract/samples/caseSamples';
import { shippedSchoolCalendar, valueOf } from '../../tests/support/termCalendars';
import type { Case } from '../model/case';
import { meetingWindow } from './meetingWindows';

// Northvale 2026-27: autumn 1 ends Fri 23 Oct, half-term 26-30 Oct, autumn 2 runs 2 Nov-18 Dec.
const northvale = shippedSchoolCalendar('northvale-la');

const aCase = (change: Partial<Case> = {}): Case => ({ ...freshCase(), id: '1', ...change });
const inForce = (startDate: string, reviewDate: string) => ({ contractId: '7', version: 1, startDate, reviewDate, supportEnds: '2026-12-18' });

describe('where the process wants each meeting', () => {
  it('the initial school meeting: within ten school days of allocation, not before today', () => {
    const allocated = aCase({ milestones: { allocated: { at: '2026-10-19T09:00:00Z', by: '00000000-0000-4000-8000-000000000001' } } });
    expect(valueOf(meetingWindow('school-meeting', allocated, northvale, new Date('2026-10-21T09:00:00Z')))).toEqual({ from: '2026-10-21', to: '2026-11-06' });
    // Allocated long ago: still wanted, so ten school days from today.
    expect(valueOf(meetingWindow('school-meeting', allocated, northvale, new Date('2026-11-20T09:00:00Z')))).toEqual({ from: '2026-11-20', to: '2026-12-03' });
  });

  it('the home visit: before the contract starts, when that is sooner than ten school days', () => {
    const c = aCase({ contractInForce: inForce('2026-11-09', '2026-12-10') });
    expect(valueOf(meetingWindow('home-visit', c, northvale, new Date('2026-11-03T09:00:00Z')))).toEqual({ from: '2026-11-03', to: '2026-11-09' });
  });

  it('the review: on the agreed date in this half-term; else in its last school week, so none is missed', () => {
    const agreed = aCase({ contractInForce: inForce('2026-11-02', '2026-12-10') });
    expect(valueOf(meetingWindow('review', agreed, northvale, new Date('2026-11-16T09:00:00Z')))).toEqual({ from: '2026-12-10', to: '2026-12-10' });
    const nextTerm = aCase({ contractInForce: inForce('2026-11-02', '2027-01-20') });
    expect(valueOf(meetingWindow('review', nextTerm, northvale, new Date('2026-11-16T09:00:00Z')))).toEqual({ from: '2026-12-14', to: '2026-12-18' });
  });
});
