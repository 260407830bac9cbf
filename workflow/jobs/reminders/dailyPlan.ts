import { londonDate, londonInstant, type SchoolCalendar } from '../../calendar';
import { plusDays } from '../../calendar/calendarDate';
import type { Case } from '../../model/case';
import type { Job } from '../../model/job';
import type { NewItem } from '../../ports/store';
import type { WorkflowDeps } from '../../usecases/deps';
import type { JobOutcome } from '../runDueJobs';
import { reviewedUnder } from './contractInForce';
import { contractReminderJobs, reminderJob, reminderKeys, schoolDaysAfter, schoolDaysBefore, WARN_SCHOOL_DAYS } from './reminderJobs';
import { CHASE_AFTER_SCHOOL_DAYS } from './informationChaser';
import { calendarForSchool } from '../../usecases/support/calendarFor';
import { evaluationForCaseOpened, termEvaluationKey } from '../termEnd/termEvaluationJob';

/** The daily plan runs at this London time. */
export const DAILY_PLAN_TIME = '07:00';

const planKey = (date: string) => `daily-plan:${date}`;

function planJob(date: string, at: string): NewItem<Job> {
  return { kind: 'daily-plan', dueAt: londonInstant(date, DAILY_PLAN_TIME).toISOString(), payload: { date }, status: 'queued', attempts: 0, createdAt: at, updatedAt: at };
}

/**
 * Queues today's daily plan (07:00 London; or tomorrow's, once today's time has passed), once per
 * date: the app calls this at every start, so a plan always exists, whatever happened before.
 */
export async function ensureDailyPlan(deps: WorkflowDeps): Promise<void> {
  const now = deps.clock.now();
  const today = londonDate(now);
  // Today's plan if it is still to come or was never run; tomorrow's always (a restart after 07:00 finds today's done or queued).
  await Promise.all([today, plusDays(today, 1)].map((date) => deps.jobs.enqueue(planJob(date, now.toISOString()), planKey(date))));
}

/**
 * The key and the job of every reminder an open (or paused) case should have queued today: the
 * information chaser until its second chase, the review-due reminder until the agreed review
 * date, the six-weeks-ending one until its day. (Past those days a handler may have finished
 * with them: they are not wanted again.) Without the school's calendar, every one still to come.
 */
export function wantedReminders(c: Case, calendar: SchoolCalendar | undefined, today: string, at: string): { key: string; job: NewItem<Job> }[] {
  const wanted: { key: string; job: NewItem<Job> }[] = [];
  const m = c.milestones;
  if (m.informationRequested && !m.informationReturned) {
    const requestedOn = londonDate(new Date(m.informationRequested.at));
    const lastChase = (calendar && schoolDaysAfter(calendar, requestedOn, CHASE_AFTER_SCHOOL_DAYS[1])) ?? plusDays(requestedOn, 28);
    if (today <= lastChase) wanted.push({ key: reminderKeys.informationChaser(c.id), job: reminderJob('information-chaser', { caseId: c.id }, at) });
  }
  const inForce = c.contractInForce;
  if (inForce && !reviewedUnder(c, inForce) && today <= inForce.reviewDate) {
    const warnOn = calendar ? schoolDaysBefore(calendar, inForce.supportEnds, WARN_SCHOOL_DAYS) : inForce.supportEnds;
    wanted.push(...contractReminderJobs(c, at).filter((r) => r.job.kind === 'review-due' || today <= warnOn));
  }
  return wanted;
}

/**
 * The daily plan: queues the next day's plan, reads the open and paused cases, the schools and the
 * queued jobs once, and queues the reminders a case should have but has not (cases loaded before
 * the jobs existed, demo data, an event whose job was lost). Queueing is by the same keys as the
 * events use, so a reminder is never queued twice. Schools with a case open get their term-end evaluation request. When nothing is missing it costs those reads only.
 */
export async function dailyPlan(deps: WorkflowDeps, job: Job): Promise<JobOutcome> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const today = londonDate(now);
  // The day after this plan's (after downtime: the day after today), so plans never pile up.
  const following = [plusDays(job.payload.date ?? today, 1), plusDays(today, 1)].sort()[1] ?? plusDays(today, 1);
  const [open, paused, schools, queued] = await Promise.all([
    deps.stores.cases.find({ status: 'open' }),
    deps.stores.cases.find({ status: 'paused' }),
    deps.stores.schools.list(),
    deps.jobs.queued(),
    deps.jobs.enqueue(planJob(following, at), planKey(following)),
  ]);
  const calendars = new Map(schools.map((s) => [s.id, calendarForSchool(deps, s)] as const));
  const have = new Set(queued.map(keyOf));
  const missing = [...open, ...paused]
    .flatMap((c) => {
      const calendar = calendars.get(c.schoolId);
      return wantedReminders(c, calendar?.ok ? calendar.value : undefined, today, at);
    })
    .filter((r) => !have.has(r.key));
  // Each school with a case this term has its term-end evaluation request queued (cases allocated before that job existed).
  const schoolIds = [...new Set([...open, ...paused].filter((c) => c.milestones.allocated).map((c) => c.schoolId))];
  const evaluations = (await Promise.all(schoolIds.map((id) => evaluationForCaseOpened(deps, id, today)))).filter((e) => e !== undefined && !have.has(e.key));
  await Promise.all([...missing, ...evaluations].map((r) => (r ? deps.jobs.enqueue(r.job, r.key) : undefined)));
  return { done: true };
}

/** A queued reminder's key, from its kind and payload (the same as it was queued with); other kinds have none here. */
function keyOf(job: Pick<Job, 'kind' | 'payload'>): string {
  const { caseId = '', version = '' } = job.payload;
  if (job.kind === 'information-chaser') return reminderKeys.informationChaser(caseId);
  if (job.kind === 'review-due') return reminderKeys.reviewDue(caseId, Number(version));
  if (job.kind === 'support-ending') return reminderKeys.supportEnding(caseId, Number(version));
  if (job.kind === 'term-evaluation') return termEvaluationKey(job.payload.schoolId ?? '', job.payload.termStart ?? '');
  return `${job.kind}:${job.payload.date ?? ''}`;
}
