import { londonInstant } from '../../calendar/londonTime';
import type { Job } from '../../model/job';
import type { NewItem } from '../../ports/store';
import type { WorkflowDeps } from '../../usecases/deps';
import { calendarForSchoolId } from '../../usecases/support/calendarFor';
import type { WholeTerm } from './termOf';
import { termOf } from './termOf';

/** When the request goes, London time, on the term's last school day. */
export const EVALUATION_TIME = '15:30';

/** One evaluation request per school per term. */
export const termEvaluationKey = (schoolId: string, termStart: string): string => `term-evaluation:${schoolId}:${termStart}`;

/** The school's evaluation request for a term, as a job (queued once per school and term: a repeat changes nothing). */
export function termEvaluationJob(schoolId: string, term: WholeTerm, now: Date): { job: NewItem<Job>; key: string } {
  const at = now.toISOString();
  const dueAt = londonInstant(term.lastSchoolDay, EVALUATION_TIME).toISOString();
  return {
    job: { kind: 'term-evaluation', dueAt, payload: { schoolId, termStart: term.start }, status: 'queued', attempts: 0, createdAt: at, updatedAt: at },
    key: termEvaluationKey(schoolId, term.start),
  };
}

/**
 * A case for the school opened (allocated) on `today`: its evaluation request for the term under
 * way (or the next, in a holiday), by the school's own term dates, for the caller to queue with
 * the allocation's writes. Without term dates that far ahead there is none: the dates are
 * configuration, to be added before then.
 */
export async function evaluationForCaseOpened(deps: WorkflowDeps, schoolId: string, today: string): Promise<{ job: NewItem<Job>; key: string } | undefined> {
  const calendar = await calendarForSchoolId(deps, schoolId);
  if (!calendar.ok) return undefined;
  const term = termOf(calendar.value, today);
  return term ? termEvaluationJob(schoolId, term, deps.clock.now()) : undefined;
}
