import { shippedSchoolCalendar, valueOf } from '../../tests/support/termCalendars';
import { initialSchoolMeetingWindow, proposeSlots, type Interval, type SlotProposal } from './proposeSlots';

// Northvale 2026-27: autumn 1 ends Fri 23 Oct, half-term 26-30 Oct, autumn 2 runs 2 Nov-18 Dec.
const northvale = shippedSchoolCalendar('northvale-la');

const at = (iso: string) => new Date(iso);
const busy = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });
const starts = (proposal: SlotProposal) => proposal.slots.map((s) => s.start.toISOString());

describe('proposing meeting slots', () => {
  it('skips the half-term and keeps London school hours across the October clock change', () => {
    const proposal = valueOf(
      proposeSlots({ kind: 'school-meeting', durationMinutes: 60, window: { from: '2026-10-22', to: '2026-11-06' }, busy: [], now: at('2026-10-22T09:00:00Z'), calendar: northvale }),
    );
    // Fri 23 Oct 08:45 BST, then Mon 2 and Tue 3 Nov 08:45 GMT: one school day's notice, no slot in the half-term.
    expect(starts(proposal)).toEqual(['2026-10-23T07:45:00.000Z', '2026-11-02T08:45:00.000Z', '2026-11-03T08:45:00.000Z']);
  });

  it("keeps to a school's own term dates: the trust's half-term starts a week before the authority's", () => {
    const brookfield = shippedSchoolCalendar('brookfield-trust');
    const request = { kind: 'school-meeting' as const, durationMinutes: 60, window: { from: '2026-10-14', to: '2026-11-03' }, busy: [], now: at('2026-10-13T09:00:00Z') };
    // Brookfield: Wed 14 Oct, Thu 15, Fri 16, then its half-term (19-30 Oct).
    expect(starts(valueOf(proposeSlots({ ...request, calendar: brookfield })))).toEqual(['2026-10-14T07:45:00.000Z', '2026-10-15T07:45:00.000Z', '2026-10-16T07:45:00.000Z']);
    const lateWindow = { ...request, window: { from: '2026-10-19', to: '2026-11-03' }, now: at('2026-10-16T09:00:00Z') };
    // The week of 19 Oct is term for Northvale, half-term for Brookfield.
    expect(starts(valueOf(proposeSlots({ ...lateWindow, calendar: northvale })))).toEqual(['2026-10-19T07:45:00.000Z', '2026-10-20T07:45:00.000Z', '2026-10-21T07:45:00.000Z']);
    expect(starts(valueOf(proposeSlots({ ...lateWindow, calendar: brookfield })))).toEqual(['2026-11-02T08:45:00.000Z', '2026-11-02T09:45:00.000Z', '2026-11-03T08:45:00.000Z']);
  });

  it('keeps London working hours across the March clock change, skipping the Easter holiday and its bank holidays', () => {
    const brookfield = shippedSchoolCalendar('brookfield-trust');
    const proposal = valueOf(
      proposeSlots({ kind: 'parent-call', durationMinutes: 30, window: { from: '2027-03-24', to: '2027-04-13' }, busy: [], now: at('2027-03-23T10:00:00Z'), calendar: brookfield }),
    );
    // 09:00 GMT on Wed 24 and Thu 25 Mar; 09:00 BST (08:00 UTC) on Mon 12 Apr, after the clocks went forward on 28 Mar.
    expect(starts(proposal)).toEqual(['2027-03-24T09:00:00.000Z', '2027-03-25T09:00:00.000Z', '2027-04-12T08:00:00.000Z']);
  });

  it('keeps the travel buffer clear around a home visit', () => {
    const proposal = valueOf(
      proposeSlots({
        kind: 'home-visit',
        durationMinutes: 60,
        window: { from: '2026-11-10', to: '2026-11-10' },
        busy: [busy('2026-11-10T09:00:00Z', '2026-11-10T10:00:00Z'), busy('2026-11-10T12:30:00Z', '2026-11-10T17:00:00Z')],
        now: at('2026-11-02T09:00:00Z'),
        calendar: northvale,
      }),
    );
    // 10:30-11:30 leaves 30 minutes either side; nothing else fits before 12:00 with its buffer.
    expect(starts(proposal)).toEqual(['2026-11-10T10:30:00.000Z']);
  });

  it('offers more than one slot of a day when the window has few days, earliest first', () => {
    const proposal = valueOf(
      proposeSlots({ kind: 'review', durationMinutes: 60, window: { from: '2026-12-02', to: '2026-12-04' }, busy: [], now: at('2026-12-02T16:00:00Z'), calendar: northvale }),
    );
    expect(starts(proposal)).toEqual(['2026-12-03T08:45:00.000Z', '2026-12-03T09:45:00.000Z', '2026-12-04T08:45:00.000Z']);
  });

  it('says when a full diary leaves no slot, and offers the same number of school days straight after', () => {
    const proposal = valueOf(
      proposeSlots({
        kind: 'school-meeting',
        durationMinutes: 60,
        window: { from: '2026-12-14', to: '2026-12-18' },
        busy: [busy('2026-12-14T00:00:00Z', '2026-12-19T00:00:00Z')],
        now: at('2026-12-09T09:00:00Z'),
        calendar: northvale,
      }),
    );
    // Five school days; the Christmas holidays and the 4 January closure are skipped.
    expect(proposal).toEqual({ slots: [], nextWindow: { from: '2027-01-05', to: '2027-01-11' } });
  });

  it('gives the initial school meeting ten school days from allocation', () => {
    expect(valueOf(initialSchoolMeetingWindow('2026-10-19', northvale))).toEqual({ from: '2026-10-19', to: '2026-11-06' });
  });
});
