import { londonDate, londonInstant, minutesBetween } from './londonTime';

describe('londonDate: the London calendar date of an instant', () => {
  it('is the next day for 23:30 UTC on a summer-time (BST) day', () => {
    expect(londonDate(new Date('2025-10-20T23:30:00Z'))).toBe('2025-10-21');
  });
  it('is the same day for 23:30 UTC on a GMT day', () => {
    expect(londonDate(new Date('2025-11-20T23:30:00Z'))).toBe('2025-11-20');
  });
  it('changes to BST at 01:00 UTC on the March change day', () => {
    expect(londonDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(londonDate(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
  });
  it('refuses an invalid Date', () => {
    expect(() => londonDate(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('londonInstant: a London wall-clock time on a date', () => {
  it('is 08:00Z for 09:00 on the Saturday before the October change (BST)', () => {
    expect(londonInstant('2025-10-25', '09:00').toISOString()).toBe('2025-10-25T08:00:00.000Z');
  });
  it('is 09:00Z for 09:00 on the day after the October change (GMT)', () => {
    expect(londonInstant('2025-10-27', '09:00').toISOString()).toBe('2025-10-27T09:00:00.000Z');
  });
  it('is 09:00Z before and 08:00Z after the March change', () => {
    expect(londonInstant('2026-03-28', '09:00').toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(londonInstant('2026-03-30', '09:00').toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });
  it('round-trips through londonDate at midnight and just before midnight on each day around both changes', () => {
    for (const date of ['2025-10-25', '2025-10-26', '2025-10-27', '2026-03-28', '2026-03-29', '2026-03-30']) {
      expect(londonDate(londonInstant(date, '00:00'))).toBe(date);
      expect(londonDate(londonInstant(date, '23:59'))).toBe(date);
    }
  });
  it('refuses a malformed time or date', () => {
    expect(() => londonInstant('2025-10-27', '9:00')).toThrow(RangeError);
    expect(() => londonInstant('2025-10-27', '24:00')).toThrow(RangeError);
    expect(() => londonInstant('2025-02-29', '09:00')).toThrow(RangeError);
  });
});

describe('minutesBetween', () => {
  it('counts the real minutes of the clock-change nights: 240 in October, 120 in March from 00:00 to 03:00', () => {
    expect(minutesBetween(londonInstant('2025-10-26', '00:00'), londonInstant('2025-10-26', '03:00'))).toBe(240);
    expect(minutesBetween(londonInstant('2026-03-29', '00:00'), londonInstant('2026-03-29', '03:00'))).toBe(120);
  });
  it('is negative when the second instant is earlier, and counts whole minutes only', () => {
    const a = new Date('2026-01-10T10:00:00Z');
    expect(minutesBetween(a, new Date('2026-01-10T09:30:00Z'))).toBe(-30);
    expect(minutesBetween(a, new Date('2026-01-10T10:29:59Z'))).toBe(29);
  });
});
