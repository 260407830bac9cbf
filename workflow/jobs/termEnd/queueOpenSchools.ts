import { londonDate } from '../../calendar/londonTime';
import type { WorkflowDeps } from '../../usecases/deps';
import { evaluationForCaseOpened } from './termEvaluationJob';

/**
 * Queues this term's evaluation request for every school with a case open or paused now (once per
 * school and term: a repeat changes nothing). Allocation queues it for new cases; this covers the
 * cases allocated before the job existed, and can run at every start. Answers how many schools.
 */
export async function queueEvaluationsForOpenCases(deps: WorkflowDeps): Promise<number> {
  const today = londonDate(deps.clock.now());
  const [open, paused] = await Promise.all([deps.stores.cases.find({ status: 'open' }), deps.stores.cases.find({ status: 'paused' })]);
  const schools = [...new Set([...open, ...paused].filter((c) => c.milestones.allocated).map((c) => c.schoolId))];
  const jobs = await Promise.all(schools.map((schoolId) => evaluationForCaseOpened(deps, schoolId, today)));
  await Promise.all(jobs.map((queued) => (queued ? deps.jobs.enqueue(queued.job, queued.key) : undefined)));
  return jobs.filter(Boolean).length;
}
