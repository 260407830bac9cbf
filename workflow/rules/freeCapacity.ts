import { datesFrom, isWeekday, plusDays } from '../calendar/calendarDate';
import { schoolDaysPerWeek, type SchoolCalendar } from '../calendar/schoolCalendar';
import type { HalfTerm, IsoDate } from '../model/termDates';
import { fromHundredths, toHundredths } from '../packages/units';
import { ok, type Result } from '../result';

/**
 * The hours a case is counted as needing before it draws on any package (no contract drafted yet):
 * a Bronze package, the smallest a case runs on. All of it is counted in the rest of the half-term.
 */
export const hoursExpectedBeforeContract = 7;

/** The school days a worker's free capacity is worked out over: the rest of this half-term, or in a break the next one. */
export interface CapacityWindow {
  readonly halfTerm: HalfTerm;
  /** The first day counted: today, or the half-term's first day when today is in a break. */
  readonly from: IsoDate;
  readonly schoolDaysLeft: number;
  /** Whether today is inside the half-term (false: a break, and the window is the next half-term). */
  readonly current: boolean;
}

/** One of the worker's cases as far as their time goes. */
export interface CaseCommitmentInput {
  readonly status: 'open' | 'paused';
  /** The approved contract's support period; absent before a contract is approved. */
  readonly contract?: { readonly startDate: IsoDate; readonly supportEnds: IsoDate };
  /** Package hours left on the case's ledger; undefined when there is none to read (no package drawn on yet). */
  readonly hoursLeft: number | undefined;
}

/** In hours (2 decimal places). `free` is below 0 when the worker is over capacity. */
export interface FreeCapacity {
  readonly capacity: number;
  readonly committed: number;
  readonly free: number;
  readonly openCases: number;
  readonly pausedCases: number;
  readonly window: CapacityWindow;
}

const later = (a: string, b: string): string => (a > b ? a : b);
const earlier = (a: string, b: string): string => (a < b ? a : b);

/** The window for `today`: a half-term with no school day left (it ends on a closure) gives way to the next. */
export function capacityWindow(calendar: SchoolCalendar, today: IsoDate): Result<CapacityWindow> {
  let day = today;
  for (;;) {
    const half = calendar.halfTermAtOrAfter(day);
    if (!half.ok) return half;
    const from = later(day, half.value.start);
    const days = calendar.schoolDaysBetween(from, half.value.end);
    if (!days.ok) return days;
    if (days.value > 0) return ok({ halfTerm: half.value, from, schoolDaysLeft: days.value, current: half.value.start <= today });
    day = plusDays(half.value.end, 1);
  }
}

/**
 * School days from `from` to `to`, both included. Past the last date the calendar knows, every
 * weekday counts (its holidays are not known yet): a support period may run beyond the term dates loaded.
 */
export function schoolDaysOrWeekdays(calendar: SchoolCalendar, from: IsoDate, to: IsoDate): number {
  if (to < from) return 0;
  const knownTo = earlier(to, calendar.coveredTo);
  const known = from <= knownTo ? calendar.schoolDaysBetween(from, knownTo) : ok(0);
  let count = known.ok ? known.value : 0;
  for (const day of datesFrom(later(from, plusDays(calendar.coveredTo, 1)), to)) if (isWeekday(day)) count += 1;
  return count;
}

/**
 * Hundredths of an hour a case takes in the window. Paused: nothing. Under a contract: the hours
 * left spread evenly over the school days of support left, the share falling in the window. Before
 * one: the hours left (or the estimate, with no package yet), all in the window.
 */
export function committedHundredths(calendar: SchoolCalendar, window: CapacityWindow, c: CaseCommitmentInput): number {
  if (c.status === 'paused') return 0;
  const left = Math.max(0, toHundredths(c.hoursLeft ?? hoursExpectedBeforeContract));
  if (!c.contract) return left;
  const start = later(window.from, c.contract.startDate);
  const supportDays = schoolDaysOrWeekdays(calendar, start, c.contract.supportEnds);
  if (supportDays === 0) return 0; // support is over (or none is left to give): nothing to spread
  const inWindow = schoolDaysOrWeekdays(calendar, start, earlier(c.contract.supportEnds, window.halfTerm.end));
  return Math.round((left * inWindow) / supportDays);
}

/** Capacity, committed and free hours in the window for a worker with `capacityHours` a week on these cases. */
export function freeCapacity(calendar: SchoolCalendar, window: CapacityWindow, capacityHours: number, cases: readonly CaseCommitmentInput[]): FreeCapacity {
  const capacity = Math.round((toHundredths(capacityHours) * window.schoolDaysLeft) / schoolDaysPerWeek);
  const committed = cases.reduce((sum, c) => sum + committedHundredths(calendar, window, c), 0);
  return {
    capacity: fromHundredths(capacity),
    committed: fromHundredths(committed),
    free: fromHundredths(capacity - committed),
    openCases: cases.filter((c) => c.status === 'open').length,
    pausedCases: cases.filter((c) => c.status === 'paused').length,
    window,
  };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
/** Hours as people write them: 18 h, 22.5 h, 7.33 h. */
export const hoursText = (hours: number): string => `${Number(hours.toFixed(2))} h`;

/** "6 weeks", "4 weeks and 3 days", "2 days". */
export function schoolTimeText(schoolDays: number): string {
  const weeks = Math.floor(schoolDays / schoolDaysPerWeek);
  const days = schoolDays % schoolDaysPerWeek;
  if (weeks === 0) return plural(days, 'day');
  return days === 0 ? plural(weeks, 'week') : `${plural(weeks, 'week')} and ${plural(days, 'day')}`;
}

export const isOverCapacity = (f: Pick<FreeCapacity, 'free'>): boolean => f.free < 0;

/** "18 h free this half-term (30 h over 1 week, 12 h on 3 open cases)", or "over capacity by 6 h this half-term (…)". */
export function freeCapacityReason(f: FreeCapacity): string {
  const when = f.window.current ? 'this half-term' : 'next half-term';
  const headline = isOverCapacity(f) ? `over capacity by ${hoursText(-f.free)} ${when}` : `${hoursText(f.free)} free ${when}`;
  const capacity = f.capacity === 0 ? 'no hours for casework' : `${hoursText(f.capacity)} over ${schoolTimeText(f.window.schoolDaysLeft)}`;
  const onCases = f.openCases === 0 ? 'no open cases' : `${hoursText(f.committed)} on ${plural(f.openCases, 'open case')}`;
  const paused = f.pausedCases === 0 ? '' : `; ${plural(f.pausedCases, 'paused case')}, counted as nothing while paused`;
  return `${headline} (${capacity}, ${onCases}${paused})`;
}
