import { londonInstant } from '../../calendar/londonTime';
import type { Job } from '../../model/job';
import type { WorkflowDeps } from '../../usecases/deps';
import { calendarForSchoolId } from '../../usecases/support/calendarFor';
import type { WholeTerm } from './termOf';
import { termOf } from './termOf';

/** When the request goes, London time, on the term's last school day. */
export const EVALUATION_TIME = '15:30';

/** One evaluation request per school per term. */
export const termEvaluationKey = (schoolId: string, termStart: string): string => `term-evaluation:${schoolId}:${termStart}`;

/** Queues the school's evaluation request for a term (once per school and term: a repeat changes nothing). */
export async function queueTermEvaluation(deps: WorkflowDeps, schoolId: string, term: WholeTerm): Promise<void> {
  const at = deps.clock.now().toISOString();
  const dueAt = londonInstant(term.lastSchoolDay, EVALUATION_TIME).toISOString();
  const job: Omit<Job, 'id'> = { kind: 'term-evaluation', dueAt, payload: { schoolId, termStart: term.start }, status: 'queued', attempts: 0, createdAt: at, updatedAt: at };
  await deps.jobs.enqueue(job, termEvaluationKey(schoolId, term.start));
}

/**
 * A case for the school opened (allocated) on `today`: the evaluation request for the term under
 * way (or the next, in a holiday) is queued by the school's own term dates. Without term dates
 * that far ahead none can be queued: the dates are configuration, to be added before then.
 */
export async function evaluationForCaseOpened(deps: WorkflowDeps, schoolId: string, today: string): Promise<void> {
  const calendar = await calendarForSchoolId(deps, schoolId);
  if (!calendar.ok) return;
  const term = termOf(calendar.value, today);
  if (term) await queueTermEvaluation(deps, schoolId, term);
}
