import { dueSchoolDays, jobWords, whatsDue, type DueJob } from '../../../workflow';
import type { AdaptiveCardJson, CardContext } from '../card';
import { showDate, showInstant } from '../format';
import { composeCard, outcomeCard } from '../outcomes';
import dueTemplate from '../templates/due.json';
import { expandFragment } from '../template';

/** Keeps the card well under Teams' 28 KB. */
const shownAtMost = 30;

/** The `due` command: what the product will do by itself in the next 10 school days, and (managers) what gave up. */
export async function dueCard(ctx: CardContext): Promise<AdaptiveCardJson> {
  const found = await whatsDue(ctx.deps, ctx.actor);
  if (!found.ok) return outcomeCard({ headline: 'What is due could not be shown', tone: 'attention', detail: found.error.message });
  const { until, due, failed, more } = found.value;
  const schools = await schoolNames(ctx, [...due, ...failed]);
  const line = (job: DueJob, gaveUp: boolean): DueLine => ({
    when: showInstant(job.dueAt),
    what: jobWords[job.kind],
    about: job.reference ?? (job.schoolId ? (schools.get(job.schoolId) ?? 'a school') : ''),
    problem: problemOf(job, gaveUp),
  });
  const period = `until the end of ${showDate(until)} (${dueSchoolDays} school days)`;
  const title = due.length === 0 ? `Nothing is due ${period}` : `${due.length}${more ? '+' : ''} due ${period}`;
  const shownNote = due.length > shownAtMost ? `Showing the first ${shownAtMost}.` : '';
  const failedSection = failed.length === 0 ? [] : section(`${failed.length} gave up`, 'They are kept in the Jobs list and not tried again: the error says what went wrong, the log says more.', failed.slice(0, shownAtMost).map((j) => line(j, true)));
  return composeCard({
    body: [...section(title, [due.length === 0 ? 'Reminders, chasers and alerts appear here once they are queued.' : '', shownNote].filter((s) => s !== '').join(' '), due.slice(0, shownAtMost).map((j) => line(j, false))), ...failedSection],
  });
}

const attempts = (n: number | undefined): string => `${n ?? 0} ${n === 1 ? 'attempt' : 'attempts'}`;

/** Never silent: a job that gave up, failed before, or is late says so. */
function problemOf(job: DueJob, gaveUp: boolean): string {
  if (gaveUp) return `Gave up after ${attempts(job.attempts)}: ${job.lastError ?? 'unknown'}`;
  const times = job.attempts ?? 0;
  const failedBefore = job.lastError ? `Failed ${times} ${times === 1 ? 'time' : 'times'} (${job.lastError}): tried again at this time.` : '';
  const late = job.overdue ? 'Late: it runs at the next tick, within a minute.' : '';
  return [failedBefore, late].filter((s) => s !== '').join(' ');
}

interface DueLine {
  when: string;
  what: string;
  about: string;
  problem: string;
}

function section(title: string, note: string, jobs: DueLine[]): unknown[] {
  return expandFragment<unknown[]>(dueTemplate, { title, note, jobs });
}

/** A job for no case names its school (read from the reference cache). */
async function schoolNames(ctx: CardContext, jobs: readonly DueJob[]): Promise<Map<string, string>> {
  const ids = [...new Set(jobs.map((j) => j.schoolId).filter((id): id is string => id !== undefined))];
  const found = await Promise.all(ids.map((id) => ctx.deps.stores.schools.get(id)));
  return new Map(found.flatMap((s) => (s ? [[s.id, s.name] as const] : [])));
}
