import { pausedDays } from './pause';

describe('paused days (the 6 weeks stop counting while a case is paused)', () => {
  it('runs from the pause date up to, not including, the resume date', () => {
    expect(pausedDays([{ from: '2026-11-09', to: '2026-11-12', reason: 'r', by: 'm' }], '2026-12-01')).toEqual(['2026-11-09', '2026-11-10', '2026-11-11']);
  });
  it('an open pause runs to today inclusive', () => {
    expect(pausedDays([{ from: '2026-11-09', reason: 'r', by: 'm' }], '2026-11-10')).toEqual(['2026-11-09', '2026-11-10']);
  });
  it('spans the March clock change without losing or doubling a day', () => {
    expect(pausedDays([{ from: '2027-03-27', to: '2027-03-30', reason: 'r', by: 'm' }], '2027-04-01')).toEqual(['2027-03-27', '2027-03-28', '2027-03-29']);
  });
});
