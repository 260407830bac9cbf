import { londonDate } from '../calendar/londonTime';
import type { SchoolCalendar } from '../calendar/schoolCalendar';
import type { Case } from '../model/case';
import type { IsoDate } from '../model/termDates';
import { ok, type Result } from '../result';
import type { MeetingKind } from './proposeSlots';

export interface Window {
  from: IsoDate;
  to: IsoDate;
}

/** School days a meeting without a date of its own is looked for in. */
const SCHOOL_DAYS_AHEAD = 10;

/**
 * Where the process wants a meeting, as a window of London dates (slots are then looked for in it):
 * - the initial school meeting (step 4): within 10 school days of allocation;
 * - the home visit or Teams call (step 5): before any direct work, so before the contract's start;
 * - the contract meeting (step 7): within the next 10 school days;
 * - the review (step 9): on the agreed review date; if none falls in the current half-term while a
 *   contract is in force, in that half-term's last school week (at least one review a half-term).
 */
export function meetingWindow(kind: MeetingKind, c: Case, calendar: SchoolCalendar, now: Date): Result<Window> {
  const today = londonDate(now);
  const ahead = (from: IsoDate): Result<Window> => {
    const to = calendar.addSchoolDays(from, SCHOOL_DAYS_AHEAD);
    return to.ok ? ok({ from, to: to.value }) : to;
  };
  switch (kind) {
    case 'school-meeting': {
      const allocatedOn = c.milestones.allocated ? londonDate(new Date(c.milestones.allocated.at)) : today;
      const window = ahead(allocatedOn);
      if (!window.ok) return window;
      // Its ten days are past (allocated long ago): still wanted, so from today.
      return window.value.to < today ? ahead(today) : ok({ from: latestOf(window.value.from, today), to: window.value.to });
    }
    case 'home-visit':
    case 'parent-call': {
      const window = ahead(today);
      const start = c.contractInForce?.startDate;
      return window.ok && start && start > today && start <= window.value.to ? ok({ from: today, to: start }) : window;
    }
    case 'contract-meeting':
      return ahead(today);
    case 'review':
      return reviewWindow(c, calendar, today, ahead);
  }
}

function reviewWindow(c: Case, calendar: SchoolCalendar, today: IsoDate, ahead: (from: IsoDate) => Result<Window>): Result<Window> {
  const agreed = c.contractInForce?.reviewDate;
  if (!agreed) return ahead(today);
  const half = calendar.halfTermAtOrAfter(today);
  if (!half.ok) return half;
  // The agreed date falls in this half-term (or it is past: look from today): a review on that day.
  if (agreed <= half.value.end) return agreed >= today ? ok({ from: agreed, to: agreed }) : ahead(today);
  // Not before the half-term ends: one in its last school week, so no half-term passes without a review.
  const lastWeek = lastSchoolWeek(calendar, half.value.start, half.value.end);
  if (!lastWeek.ok) return lastWeek;
  return ok({ from: latestOf(lastWeek.value.from, today), to: half.value.end });
}

function lastSchoolWeek(calendar: SchoolCalendar, start: IsoDate, end: IsoDate): Result<Window> {
  const days = calendar.schoolDaysBetween(start, end);
  if (!days.ok) return days;
  const from = calendar.addSchoolDays(start, Math.max(1, days.value - 4));
  return from.ok ? ok({ from: from.value, to: end }) : from;
}

const latestOf = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
