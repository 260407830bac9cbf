import { yearGroupName, yearGroupOf } from './yearGroup';

describe('Wrong defaults: year group comes from the date of birth (age on 31 August)', () => {
  it('puts a child born on 31 August in the year above one born on 1 September', () => {
    expect(yearGroupOf('2017-08-31', '2026-09-14')).toBe(5);
    expect(yearGroupOf('2017-09-01', '2026-09-14')).toBe(4);
  });
  it('keeps the year group from 1 September to 31 August and moves up on 1 September', () => {
    expect(yearGroupOf('2017-05-03', '2026-08-31')).toBe(4);
    expect(yearGroupOf('2017-05-03', '2026-09-01')).toBe(5);
    expect(yearGroupOf('2017-05-03', '2027-01-04')).toBe(5);
  });
  it('counts a child born on a leap day with the others born that spring', () => {
    expect(yearGroupOf('2020-02-29', '2025-09-01')).toBe(1);
    expect(yearGroupOf('2020-02-29', '2025-08-31')).toBe(0);
  });
  it('starts Reception in the September after the fourth birthday', () => {
    expect(yearGroupOf('2021-08-31', '2025-09-01')).toBe(0);
    expect(yearGroupOf('2021-09-01', '2025-09-01')).toBeUndefined();
    expect(yearGroupOf('2021-09-01', '2026-09-01')).toBe(0);
  });
  it('ends at Year 13 and suggests nothing beyond', () => {
    expect(yearGroupOf('2008-09-01', '2026-09-01')).toBe(13);
    expect(yearGroupOf('2008-08-31', '2026-09-01')).toBeUndefined();
  });
  it('names Reception and the years', () => {
    expect(yearGroupName(0)).toBe('Reception');
    expect(yearGroupName(7)).toBe('Year 7');
  });
  it('refuses a malformed date rather than guessing', () => {
    expect(() => yearGroupOf('2017-02-30', '2026-09-01')).toThrow(RangeError);
  });
});
