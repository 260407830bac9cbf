import { schoolCalendar } from '../calendar/schoolCalendar';
import type { HalfTerm, TermCalendar } from '../model/termDates';
import type { Result } from '../result';
import {
  capacityWindow,
  committedHundredths,
  freeCapacity,
  freeCapacityReason,
  hoursExpectedBeforeContract,
  schoolTimeText,
  type CapacityWindow,
  type CaseCommitmentInput,
} from './freeCapacity';

const valueOf = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

const half = (term: HalfTerm['term'], n: 1 | 2, start: string, end: string): HalfTerm => ({ academicYear: '2026-27', term, half: n, start, end });

// A made-up calendar, all whole weeks: autumn 1 is 6 weeks (Mon 7 Sep to Fri 16 Oct 2026), a one-week
// break, autumn 2 is 8 weeks (Mon 26 Oct to Fri 18 Dec), spring 1 runs Mon 4 Jan to Fri 12 Feb 2027 (6 weeks).
// The bank holidays fall outside term; the calendar knows nothing after 12 Feb 2027.
const terms: TermCalendar = {
  id: 'test-la',
  name: 'Test LA',
  halfTerms: [half('autumn', 1, '2026-09-07', '2026-10-16'), half('autumn', 2, '2026-10-26', '2026-12-18'), half('spring', 1, '2027-01-04', '2027-02-12')],
  closures: [],
};
const calendar = schoolCalendar(terms, {
  region: 'england-and-wales',
  dates: [
    { date: '2026-12-25', title: 'Christmas Day' },
    { date: '2027-01-01', title: "New Year's Day" },
  ],
});

const windowOn = (today: string): CapacityWindow => valueOf(capacityWindow(calendar, today));

// Support from Mon 14 Sep to Fri 6 Nov: from Mon 28 Sep that is 15 school days left in autumn 1 and 10 in autumn 2.
const underContract = (hoursLeft: number, status: 'open' | 'paused' = 'open'): CaseCommitmentInput => ({
  status,
  contract: { startDate: '2026-09-14', supportEnds: '2026-11-06' },
  hoursLeft,
});
const beforeContract: CaseCommitmentInput = { status: 'open', hoursLeft: undefined };

describe('capacityWindow', () => {
  it('runs from today to the end of the half-term: Mon 28 Sep leaves 3 weeks (15 school days) of autumn 1', () => {
    expect(windowOn('2026-09-28')).toMatchObject({ from: '2026-09-28', schoolDaysLeft: 15, current: true, halfTerm: { term: 'autumn', half: 1 } });
  });

  it('counts today: on the last day of the half-term one day is left', () => {
    expect(windowOn('2026-10-16')).toMatchObject({ schoolDaysLeft: 1, current: true });
  });

  it('in the half-term break it is the whole of the next half-term (8 weeks), not the current one', () => {
    expect(windowOn('2026-10-20')).toMatchObject({ from: '2026-10-26', schoolDaysLeft: 40, current: false, halfTerm: { term: 'autumn', half: 2 } });
    // The Saturday after the last day is already the break.
    expect(windowOn('2026-10-17')).toMatchObject({ from: '2026-10-26', current: false });
  });

  it('names missing term dates rather than guessing', () => {
    expect(capacityWindow(calendar, '2027-03-01')).toMatchObject({ ok: false, error: { code: 'TermDatesMissing' } });
  });
});

describe('committedHundredths', () => {
  const window = windowOn('2026-09-28');

  it('spreads the hours left evenly over the support left: 10 h over 25 school days, 15 of them this half-term, is 6 h', () => {
    expect(committedHundredths(calendar, window, underContract(10))).toBe(600);
  });

  it('rounds to the hundredth: from Wed 30 Sep, 10 h × 13/23 days is 5.65 h', () => {
    expect(committedHundredths(calendar, windowOn('2026-09-30'), underContract(10))).toBe(565);
  });

  it('a paused case commits nothing while paused', () => {
    expect(committedHundredths(calendar, window, underContract(10, 'paused'))).toBe(0);
    expect(committedHundredths(calendar, window, { status: 'paused', hoursLeft: undefined })).toBe(0);
  });

  it(`with no contract and no package yet counts the estimate (${hoursExpectedBeforeContract} h), all of it this half-term`, () => {
    expect(committedHundredths(calendar, window, beforeContract)).toBe(hoursExpectedBeforeContract * 100);
  });

  it('with no contract approved but a package drawn on (a draft), counts its hours left, all this half-term', () => {
    expect(committedHundredths(calendar, window, { status: 'open', hoursLeft: 13 })).toBe(1300);
  });

  it('support that has ended commits nothing, whatever hours are left', () => {
    expect(committedHundredths(calendar, window, { status: 'open', contract: { startDate: '2026-09-07', supportEnds: '2026-09-25' }, hoursLeft: 4 })).toBe(0);
  });

  it('support starting later is spread from its start: 8 h from Mon 12 Oct to Fri 30 Oct is 5 days of 10 here, 4 h', () => {
    expect(committedHundredths(calendar, window, { status: 'open', contract: { startDate: '2026-10-12', supportEnds: '2026-10-30' }, hoursLeft: 8 })).toBe(400);
  });

  it('in the break, the next half-term takes the support it holds: all 10 days to Fri 6 Nov, so all 10 h', () => {
    expect(committedHundredths(calendar, windowOn('2026-10-20'), underContract(10))).toBe(1000);
  });

  it('past the term dates known, weekdays count: 5 h to Fri 5 Mar 2027 from Mon 1 Feb is 10 of 25 days here, 2 h', () => {
    const c: CaseCommitmentInput = { status: 'open', contract: { startDate: '2027-01-11', supportEnds: '2027-03-05' }, hoursLeft: 5 };
    expect(committedHundredths(calendar, windowOn('2027-02-01'), c)).toBe(200);
  });

  it('overrun (no hours left) commits nothing more under the contract', () => {
    expect(committedHundredths(calendar, window, underContract(0))).toBe(0);
  });
});

describe('freeCapacity', () => {
  const window = windowOn('2026-09-28');

  it('a worker on no cases has all their capacity free: 30 h a week × 3 weeks', () => {
    const f = freeCapacity(calendar, window, 30, []);
    expect(f).toMatchObject({ capacity: 90, committed: 0, free: 90, openCases: 0, pausedCases: 0 });
    expect(freeCapacityReason(f)).toBe('90 h free this half-term (90 h over 3 weeks, no open cases)');
  });

  it('takes off what the open cases commit and nothing for a paused one: 90 − (6 + 7) = 77 h', () => {
    const f = freeCapacity(calendar, window, 30, [underContract(10), beforeContract, underContract(10, 'paused')]);
    expect(f).toMatchObject({ capacity: 90, committed: 13, free: 77, openCases: 2, pausedCases: 1 });
    expect(freeCapacityReason(f)).toBe('77 h free this half-term (90 h over 3 weeks, 13 h on 2 open cases; 1 paused case, counted as nothing while paused)');
  });

  it('goes below zero over capacity: 2 h a week × 3 weeks = 6 h, less 13 h committed', () => {
    const f = freeCapacity(calendar, window, 2, [underContract(10), beforeContract]);
    expect(f.free).toBe(-7);
    expect(freeCapacityReason(f)).toBe('over capacity by 7 h this half-term (6 h over 3 weeks, 13 h on 2 open cases)');
  });

  it('zero capacity: nothing free with no cases, over capacity with one', () => {
    expect(freeCapacityReason(freeCapacity(calendar, window, 0, []))).toBe('0 h free this half-term (no hours for casework, no open cases)');
    const f = freeCapacity(calendar, window, 0, [beforeContract]);
    expect(f).toMatchObject({ capacity: 0, committed: 7, free: -7 });
    expect(freeCapacityReason(f)).toBe('over capacity by 7 h this half-term (no hours for casework, 7 h on 1 open case)');
  });

  it('in the half-term break speaks of the next half-term: 30 h × 8 weeks less 10 h', () => {
    const f = freeCapacity(calendar, windowOn('2026-10-20'), 30, [underContract(10)]);
    expect(f).toMatchObject({ capacity: 240, committed: 10, free: 230 });
    expect(freeCapacityReason(f)).toBe('230 h free next half-term (240 h over 8 weeks, 10 h on 1 open case)');
  });

  it('part weeks: 22.5 h a week from Wed 30 Sep (13 days) is 58.5 h; less 5.65 h leaves 52.85 h', () => {
    const f = freeCapacity(calendar, windowOn('2026-09-30'), 22.5, [underContract(10)]);
    expect(f).toMatchObject({ capacity: 58.5, committed: 5.65, free: 52.85 });
    expect(freeCapacityReason(f)).toBe('52.85 h free this half-term (58.5 h over 2 weeks and 3 days, 5.65 h on 1 open case)');
  });
});

describe('schoolTimeText', () => {
  it.each([
    [1, '1 day'],
    [5, '1 week'],
    [6, '1 week and 1 day'],
    [40, '8 weeks'],
  ])('%i school days are "%s"', (days, text) => {
    expect(schoolTimeText(days)).toBe(text);
  });
});
