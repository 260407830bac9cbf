import { londonDate } from '../../calendar/londonTime';
import type { Case } from '../../model/case';
import type { WorkflowDeps } from '../../usecases/deps';
import { calendarForSchool } from '../../usecases/support/calendarFor';
import type { JobHandler } from '../runDueJobs';
import { termEvaluationJob, termEvaluationKey } from './termEvaluationJob';
import { termAfter, termOf, type WholeTerm } from './termOf';

const termNames: Record<WholeTerm['term'], string> = { autumn: 'autumn', spring: 'spring', summer: 'summer' };

/** A case the service worked with the school at some time in the term: allocated by its end, not closed before its start. */
const openDuring = (c: Case, term: WholeTerm): boolean => {
  const allocated = c.milestones.allocated;
  if (!allocated || londonDate(new Date(allocated.at)) > term.end) return false;
  return !c.closure || c.closure.on >= term.start;
};

/**
 * The end of a school's term, by its own term dates: if the service had a case open with the
 * school at any time in the term, the school's SENCo is asked for an evaluation, once per school
 * and term (the mail's key). Then next term's request is queued if a case is still open. Run again
 * (a retry, a crash after sending) it sends nothing twice.
 */
export const requestTermEvaluation: JobHandler = async (deps, job) => {
  const { schoolId = '', termStart = '' } = job.payload;
  const school = await deps.stores.schools.get(schoolId);
  if (!school) return { done: true };
  const calendar = calendarForSchool(deps, school);
  if (!calendar.ok) throw new Error(`TermDatesMissing for school ${schoolId}`);
  const term = termOf(calendar.value, termStart);
  if (!term || term.start !== termStart) return { done: true };
  const cases = await deps.stores.cases.find({ schoolId });
  const worked = cases.filter((c) => openDuring(c, term)).map((c) => c.reference).sort();
  if (worked.length > 0) await deps.mailer.send(evaluationMail(deps, school.senco.email, term, worked), termEvaluationKey(schoolId, term.start));
  const next = termAfter(calendar.value, term);
  if (next && cases.some((c) => c.status !== 'closed' && c.milestones.allocated)) {
    const queued = termEvaluationJob(schoolId, next, deps.clock.now());
    await deps.jobs.enqueue(queued.job, queued.key);
  }
  return { done: true };
};

function evaluationMail(deps: WorkflowDeps, to: string, term: WholeTerm, references: readonly string[]) {
  const which = `${termNames[term.term]} term ${term.academicYear}`;
  return {
    to: [to],
    subject: `${deps.config.serviceName}: evaluation request for the ${which}`,
    html: [
      `<p>The ${termNames[term.term]} term has ended. ${deps.config.serviceName} worked with your school this term, on case${references.length > 1 ? 's' : ''} ${references.join(', ')}.</p>`,
      `<p>Please tell us how the outreach support went this term, in reply to this message or to ${deps.config.serviceEmail}. Your evaluation helps us plan next term's support.</p>`,
    ].join(''),
  };
}
