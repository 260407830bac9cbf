import { plusDays } from '../calendar/calendarDate';
import { londonDate, londonInstant, type WallClockTime } from '../calendar/londonTime';
import type { SchoolCalendar } from '../calendar/schoolCalendar';
import type { IsoDate } from '../model/termDates';
import { ok, type Result } from '../result';

import type { MeetingKind } from '../model/meeting';

export type { MeetingKind };

export interface Hours {
  start: WallClockTime;
  end: WallClockTime;
}

/** How slots are chosen: data, set by the service (defaults below). */
export interface BookingPolicy {
  /** School meetings, contract meetings and reviews happen in school hours. */
  schoolHours: Hours;
  /** Home visits and Teams calls with parents happen in working hours. */
  workingHours: Hours;
  /** Kept free before and after a home visit, for travel. */
  travelBufferMinutes: number;
  /** Slots start on these steps from the start of the hours. */
  stepMinutes: number;
  /** How many slots are offered. */
  proposals: number;
  /** How long each kind of meeting is booked for. */
  minutes: Record<MeetingKind, number>;
}

export const defaultBookingPolicy: BookingPolicy = {
  schoolHours: { start: '08:45', end: '15:15' },
  workingHours: { start: '09:00', end: '17:00' },
  travelBufferMinutes: 30,
  stepMinutes: 30,
  proposals: 3,
  minutes: { 'school-meeting': 60, 'home-visit': 60, 'parent-call': 30, 'contract-meeting': 60, review: 60 },
};

/** A busy or booked interval, as instants (from the worker's free/busy). */
export interface Interval {
  start: Date;
  end: Date;
}

export interface SlotRequest {
  kind: MeetingKind;
  durationMinutes: number;
  /** London dates, both included. */
  window: { from: IsoDate; to: IsoDate };
  /** The worker's busy times. */
  busy: readonly Interval[];
  now: Date;
  /** The school's calendar: its own term days and holidays, and the bank holidays. */
  calendar: SchoolCalendar;
}

export type SlotProposal =
  | { slots: Interval[] }
  /** Nothing fits in the window: the same number of school days straight after it, to try next. */
  | { slots: []; nextWindow: { from: IsoDate; to: IsoDate } };

/**
 * Up to `policy.proposals` free slots for a meeting: on school days in the window (the school's
 * own holidays and bank holidays skipped), at least one school day from now, inside the hours its
 * kind keeps, clear of the worker's busy times (with the travel buffer around a home visit).
 * Times are London wall-clock times, right across the clock changes. The earliest slot of each day
 * comes first, so the offers spread over days; more of a day's slots follow when days run short.
 */
export function proposeSlots(request: SlotRequest, policy: BookingPolicy = defaultBookingPolicy): Result<SlotProposal> {
  const { calendar, window } = request;
  // At least one school day's notice: nothing before the first school day after today.
  const noticeFrom = calendar.addSchoolDays(plusDays(londonDate(request.now), 1), 1);
  if (!noticeFrom.ok) return noticeFrom;
  const from = noticeFrom.value > window.from ? noticeFrom.value : window.from;
  const perDay: Interval[][] = [];
  for (let day = from; day <= window.to; day = plusDays(day, 1)) {
    const school = calendar.isSchoolDay(day);
    if (!school.ok) return school;
    if (school.value) perDay.push(freeSlotsOn(day, request, policy));
  }
  const slots = spread(perDay, policy.proposals);
  if (slots.length > 0) return ok({ slots });
  const days = calendar.schoolDaysBetween(window.from, window.to);
  if (!days.ok) return days;
  const nextFrom = calendar.addSchoolDays(plusDays(window.to, 1), 1);
  if (!nextFrom.ok) return nextFrom;
  const nextTo = calendar.addSchoolDays(nextFrom.value, Math.max(1, days.value));
  if (!nextTo.ok) return nextTo;
  return ok({ slots: [], nextWindow: { from: nextFrom.value, to: nextTo.value } });
}

function freeSlotsOn(day: IsoDate, request: SlotRequest, policy: BookingPolicy): Interval[] {
  const hours = request.kind === 'home-visit' || request.kind === 'parent-call' ? policy.workingHours : policy.schoolHours;
  const buffer = request.kind === 'home-visit' ? policy.travelBufferMinutes : 0;
  const opens = londonInstant(day, hours.start).getTime();
  const closes = londonInstant(day, hours.end).getTime();
  const length = request.durationMinutes * 60_000;
  const found: Interval[] = [];
  for (let start = opens; start + length <= closes; start += policy.stepMinutes * 60_000) {
    const kept = { start: start - buffer * 60_000, end: start + length + buffer * 60_000 };
    if (request.busy.some((b) => b.start.getTime() < kept.end && b.end.getTime() > kept.start)) continue;
    if (found.some((f) => f.end.getTime() > start)) continue;
    found.push({ start: new Date(start), end: new Date(start + length) });
  }
  return found;
}

/** The first slot of each day in turn, then the second of each, until there are enough. */
function spread(perDay: Interval[][], wanted: number): Interval[] {
  const chosen: Interval[] = [];
  for (let round = 0; chosen.length < wanted && perDay.some((d) => d.length > round); round++) {
    for (const day of perDay) {
      const slot = day[round];
      if (slot && chosen.length < wanted) chosen.push(slot);
    }
  }
  return chosen.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Step 4: the initial school meeting, within 10 school days of allocation. */
export function initialSchoolMeetingWindow(allocatedOn: IsoDate, calendar: SchoolCalendar): Result<{ from: IsoDate; to: IsoDate }> {
  const to = calendar.addSchoolDays(allocatedOn, 10);
  return to.ok ? ok({ from: allocatedOn, to: to.value }) : to;
}
