import { countLabel, firstDue, formatDate, formatDateTime, formatHours, formatShort, formatSize, stepLabel, usedShare } from './format';

describe('the tab writes', () => {
  it('dates and times in British English, in the given time zone', () => {
    expect(formatDate('2026-12-03T10:00:00Z', 'Europe/London')).toBe('Thu 3 Dec 2026');
    expect(formatDate('2026-09-14', 'Europe/London')).toBe('Mon 14 Sep 2026');
    expect(formatDateTime('2026-07-03T13:30:00Z', 'Europe/London')).toBe('Fri 3 Jul 2026, 14:30');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('short dates for table cells, the year only when it is not this one', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    expect(formatShort('2026-12-10T10:00:00Z', { time: true, now, timeZone: 'Europe/London' })).toBe('10 Dec, 10:00');
    expect(formatShort('2027-01-15T00:00:00Z', { now, timeZone: 'Europe/London' })).toBe('15 Jan 2027');
  });

  it('hours, sizes, steps and counts', () => {
    expect(formatHours(2.5)).toBe('2.5 h');
    expect(formatHours(1 / 3)).toBe('0.33 h');
    expect(formatSize(1)).toBe('1 byte');
    expect(formatSize(900)).toBe('900 bytes');
    expect(formatSize(12_800)).toBe('13 KB');
    expect(formatSize(3.4 * 1024 * 1024)).toBe('3.4 MB');
    expect(stepLabel({ step: 4, stepName: 'Initial meeting with school' })).toBe('4 of 10 · Initial meeting with school');
    expect(countLabel(1000, 'case', 'cases')).toBe('1,000 cases');
    expect(countLabel(1, 'case', 'cases')).toBe('1 case');
  });

  it('the most pressing due item: the earliest overdue, else the earliest', () => {
    const a = { what: 'A', dueAt: '2026-12-01T00:00:00Z', overdue: false };
    const b = { what: 'B', dueAt: '2026-12-05T00:00:00Z', overdue: true };
    const c = { what: 'C', dueAt: '2026-11-20T00:00:00Z', overdue: false };
    expect(firstDue([a, b, c])?.what).toBe('B');
    expect(firstDue([a, c])?.what).toBe('C');
    expect(firstDue([])).toBeUndefined();
  });

  it('the share of package hours used, within 0..1', () => {
    expect(usedShare({ bought: 10, used: 4 })).toBe(0.4);
    expect(usedShare({ bought: 10, used: 14 })).toBe(1);
    expect(usedShare({ bought: 0, used: 0 })).toBe(1);
  });
});
