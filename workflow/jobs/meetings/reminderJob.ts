import { isWeekday, plusDays } from '../../calendar/calendarDate';
import { londonDate, londonInstant } from '../../calendar/londonTime';
import type { Job } from '../../model/job';
import type { BankHolidays } from '../../model/termDates';
import type { NewItem } from '../../ports/store';

/** When a reminder goes, London time, on the working day before the meeting. */
export const REMINDER_TIME = '08:00';

/**
 * 08:00 London on the working day before the meeting: the worker's working week is Monday to
 * Friday without bank holidays (staff work through school holidays), so a Monday meeting is
 * reminded on the Friday before, and a Tuesday after a bank holiday Monday on the Friday too.
 */
export function reminderDue(start: Date, bankHolidays: BankHolidays): Date {
  const holidays = new Set(bankHolidays.dates.map((d) => d.date));
  let day = plusDays(londonDate(start), -1);
  while (!isWeekday(day) || holidays.has(day)) day = plusDays(day, -1);
  return londonInstant(day, REMINDER_TIME);
}

/** One reminder per meeting per time: a meeting moved gets a new one, the old one finds the time changed and does nothing. */
export const reminderKey = (meetingKey: string, start: string): string => `meeting-reminder:${meetingKey}:${new Date(start).toISOString()}`;

/**
 * The reminder of a meeting (by its key, the event's transactionId) at its start, or undefined
 * when that moment has already passed: a meeting booked for tomorrow after 08:00 today was just
 * booked by the worker, who needs no reminder of it.
 */
export function reminderJob(meetingKey: string, start: string, bankHolidays: BankHolidays, now: Date): { job: NewItem<Job>; key: string } | undefined {
  const due = reminderDue(new Date(start), bankHolidays);
  if (due <= now) return undefined;
  const at = now.toISOString();
  const startAt = new Date(start).toISOString();
  return {
    job: { kind: 'meeting-reminder', dueAt: due.toISOString(), payload: { meetingKey, start: startAt }, status: 'queued', attempts: 0, createdAt: at, updatedAt: at },
    key: reminderKey(meetingKey, startAt),
  };
}
