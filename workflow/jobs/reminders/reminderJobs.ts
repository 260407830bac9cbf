import { londonDate, londonInstant, type SchoolCalendar } from '../../calendar';
import { plusDays } from '../../calendar/calendarDate';
import type { Case } from '../../model/case';
import type { Job, JobKind } from '../../model/job';
import type { NewItem } from '../../ports/store';
import type { WorkflowDeps } from '../../usecases/deps';
import type { JobOutcome } from '../runDueJobs';

/** Reminders go at this London time on their day (staff start the day with them). */
export const REMINDER_TIME = '08:00';
/** How many school days ahead a reminder warns of a date (a review due, the six weeks ending). */
export const WARN_SCHOOL_DAYS = 5;

/** The idempotency key of each case reminder: one job per case (chaser), or per case and contract version. */
export const reminderKeys = {
  informationChaser: (caseId: string) => `information-chaser:${caseId}`,
  reviewDue: (caseId: string, version: number) => `review-due:${caseId}:v${version}`,
  supportEnding: (caseId: string, version: number) => `support-ending:${caseId}:v${version}`,
};

/** A reminder job queued to run now: its first run works out its day from the case and the school's calendar and waits until then. */
export function reminderJob(kind: JobKind, payload: Record<string, string>, at: string): NewItem<Job> {
  return { kind, dueAt: at, payload, status: 'queued', attempts: 0, createdAt: at, updatedAt: at };
}

/** The reminder jobs a case's contract in force should have (at approval, or found missing by the daily plan). */
export function contractReminderJobs(c: Pick<Case, 'id' | 'contractInForce'>, at: string): { job: NewItem<Job>; key: string }[] {
  const inForce = c.contractInForce;
  if (!inForce) return [];
  const payload = { caseId: c.id, contractId: inForce.contractId, version: String(inForce.version) };
  return [
    { job: reminderJob('review-due', payload, at), key: reminderKeys.reviewDue(c.id, inForce.version) },
    { job: reminderJob('support-ending', payload, at), key: reminderKeys.supportEnding(c.id, inForce.version) },
  ];
}

/** 08:00 London on that date. */
export const morningOf = (date: string): Date => londonInstant(date, REMINDER_TIME);

/** Run again at 08:00 on that date (or now, if that has passed). */
export const waitUntil = (deps: Pick<WorkflowDeps, 'clock'>, date: string): JobOutcome => {
  const at = morningOf(date);
  const nowAt = deps.clock.now();
  return { retryAt: at > nowAt ? at : nowAt };
};

/** A paused case sends nothing; its reminder looks again tomorrow morning (a resumed case is reminded as before). */
export const tomorrow = (deps: Pick<WorkflowDeps, 'clock'>): JobOutcome => waitUntil(deps, plusDays(londonDate(deps.clock.now()), 1));

/**
 * The school day `n` school days before `date` (date itself not counted); `date` when the
 * calendar cannot say (outside its term dates), so a reminder comes late rather than never.
 */
export function schoolDaysBefore(calendar: SchoolCalendar, date: string, n: number): string {
  let day = date;
  let counted = 0;
  for (let i = 0; i < 120 && counted < n; i++) {
    day = plusDays(day, -1);
    const school = calendar.isSchoolDay(day);
    if (!school.ok) return date;
    if (school.value) counted += 1;
  }
  return counted === n ? day : date;
}

/** The `n`-th school day after `date` (date itself not counted); undefined outside the calendar's term dates. */
export function schoolDaysAfter(calendar: SchoolCalendar, date: string, n: number): string | undefined {
  const day = calendar.addSchoolDays(plusDays(date, 1), n);
  return day.ok ? day.value : undefined;
}

/** The first weekday after `date` that is not a bank holiday: when staff hear that a date passed. */
export function nextWorkingDay(calendar: SchoolCalendar, date: string): string {
  let day = plusDays(date, 1);
  for (let i = 0; i < 10; i++) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5 && !calendar.isBankHoliday(day)) return day;
    day = plusDays(day, 1);
  }
  return day;
}

export const todayIn = (deps: Pick<WorkflowDeps, 'clock'>): string => londonDate(deps.clock.now());
