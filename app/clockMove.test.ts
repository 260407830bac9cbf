import { moveTarget } from './clockMove';

// Fri 23 Oct 2026, 16:00 in London (BST); the clocks go back on Sun 25 Oct.
const now = new Date('2026-10-23T15:00:00Z');
const to = (input: unknown) => {
  const target = moveTarget(input, now);
  return target.ok ? target.to.toISOString() : target.problem;
};

describe('where a move of the clock lands', () => {
  it('forward by an hour, a day, a week: a day and a week keep the London time across the clock change', () => {
    expect(to({ by: 'hour' })).toBe('2026-10-23T16:00:00.000Z');
    expect(to({ by: 'day' })).toBe('2026-10-24T15:00:00.000Z');
    expect(to({ by: 'week' })).toBe('2026-10-30T16:00:00.000Z');
  });

  it('to a London date (08:00), a London date and time, or an instant with its offset', () => {
    expect(to({ to: '2026-11-02' })).toBe('2026-11-02T08:00:00.000Z');
    expect(to({ to: '2026-10-24T09:30' })).toBe('2026-10-24T08:30:00.000Z');
    expect(to({ to: '2026-10-24T09:30:00+01:00' })).toBe('2026-10-24T08:30:00.000Z');
    expect(to({ to: '2026-10-24T08:30:00Z' })).toBe('2026-10-24T08:30:00.000Z');
  });

  it('never backwards, never now, never more than a year at once', () => {
    expect(to({ to: '2026-10-23' })).toBe('The clock only moves forward: it is Fri 23 Oct 2026, 16:00 (London) now, and Fri 23 Oct 2026, 08:00 is not after that.');
    expect(to({ to: '2026-10-23T15:00:00Z' })).toMatch(/^The clock only moves forward/);
    expect(to({ to: '2027-10-25' })).toBe('At most 366 days at once.');
  });

  it('says what to send when the input is not a move', () => {
    for (const input of [{}, { by: 'month' }, { by: 'day', to: '2026-11-02' }, { to: '' }, 'day', null, { to: 5 }]) {
      expect(to(input)).toMatch(/^Send \{"by": "hour" \| "day" \| "week"\}/);
    }
    expect(to({ to: 'next tuesday' })).toBe('"next tuesday" is not a date or time: write 2026-10-19, 2026-10-19T08:30 or 2026-10-19T07:30:00Z.');
    expect(to({ to: '2026-02-30' })).toMatch(/is not a date or time/);
  });
});
