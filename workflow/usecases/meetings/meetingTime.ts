import type { SchoolCalendar } from '../../calendar';
import { londonDate, londonInstant } from '../../calendar/londonTime';
import { readableDate, readableTime } from '../../calendar/showDates';
import { isWeekday } from '../../calendar/calendarDate';
import { workflowError } from '../../errors';
import type { MeetingKind } from '../../model/meeting';
import { fail, ok, type Result } from '../../result';
import type { WorkflowDeps } from '../deps';
import { isParentMeeting } from './meetingParties';
import { meetingLabels } from './meetingWords';

const rule = 'Booking policy';
const MAX_MINUTES = 4 * 60;
const MAX_DAYS_AHEAD = 366;

const refused = (message: string, field = 'start'): Result<never> => fail(workflowError('MeetingTimeRefused', message, { rule, field }));

/**
 * A time a person chose for a meeting, checked against the booking policy: in the future (not
 * more than a year ahead), at most four hours long, in the hours its kind keeps (school hours for
 * school meetings, working hours for home visits and calls, London time), and on a day the school
 * is open (school meetings) or a working day (visits and calls: no weekends, no bank holidays).
 */
export function checkMeetingTime(deps: WorkflowDeps, calendar: SchoolCalendar, kind: MeetingKind, start: Date, end: Date): Result<void> {
  const now = deps.clock.now();
  if (start <= now) return refused(`That time has passed (it is now ${readableTime(now.toISOString())} on ${readableDate(now.toISOString())}). Choose a later time.`);
  if (start.getTime() - now.getTime() > MAX_DAYS_AHEAD * 86_400_000) return refused('That is more than a year ahead. Choose a time within the next year.');
  const minutes = (end.getTime() - start.getTime()) / 60_000;
  if (minutes <= 0) return refused('The meeting must end after it starts.', 'end');
  if (minutes > MAX_MINUTES) return refused('A meeting can be booked for at most 4 hours.', 'end');
  const day = londonDate(start);
  if (londonDate(new Date(end.getTime() - 1)) !== day) return refused('A meeting must start and end on the same day.', 'end');
  const hours = isParentMeeting(kind) ? deps.config.booking.policy.workingHours : deps.config.booking.policy.schoolHours;
  if (start < londonInstant(day, hours.start) || end > londonInstant(day, hours.end)) {
    const which = isParentMeeting(kind) ? 'working hours' : 'school hours';
    return refused(`A ${meetingLabels[kind].toLowerCase()} is booked in ${which}, ${hours.start} to ${hours.end}. Choose a time inside them.`);
  }
  const open = calendar.isSchoolDay(day);
  if (!open.ok) return open;
  if (isParentMeeting(kind)) {
    if (!isWeekday(day) || calendar.isBankHoliday(day)) return refused(`${readableDate(day)} is not a working day. Choose another day.`);
  } else if (!open.value) {
    return refused(`The school is closed on ${readableDate(day)} (${calendar.name}). Choose a school day.`);
  }
  return ok(undefined);
}
