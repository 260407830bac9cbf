import { londonDate } from '../../calendar/londonTime';
import { documentTitle } from '../../documents/documentNames';
import { schoolDocumentFields } from '../../documents/fieldsFor';
import type { Case } from '../../model/case';
import type { School } from '../../model/school';
import { DOCX_TYPE } from '../../ports/documents';
import type { MailAttachment, MailMessage } from '../../ports/services';
import type { WorkflowDeps } from '../../usecases/deps';
import { evaluationAsk } from '../../usecases/documents/evaluationAsk';
import { now } from '../../usecases/support/time';
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
 * and term (the mail's key): the service's online form by its link when configured, else the
 * evaluation form (made from the template for the school and term) attached. The form is about the
 * school, not a child, so it is filed nowhere: the mail in the service mailbox's Sent Items is the
 * copy. Then next term's request is queued if a case is still open. Run again (a retry, a crash
 * after sending) it sends nothing twice; a template that cannot be used fails the job (retried
 * later), with nothing sent.
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
  if (worked.length > 0) await deps.mailer.send(await evaluationMail(deps, school, term, worked), termEvaluationKey(schoolId, term.start));
  const next = termAfter(calendar.value, term);
  if (next && cases.some((c) => c.status !== 'closed' && c.milestones.allocated)) {
    const queued = termEvaluationJob(schoolId, next, deps.clock.now());
    await deps.jobs.enqueue(queued.job, queued.key);
  }
  return { done: true };
};

async function evaluationMail(deps: WorkflowDeps, school: School, term: WholeTerm, references: readonly string[]): Promise<MailMessage> {
  const which = `${termNames[term.term]} term ${term.academicYear}`;
  const formUrl = deps.config.evaluationFormUrl;
  const form = formUrl ? undefined : await evaluationForm(deps, school, which);
  return {
    to: [school.senco.email],
    subject: `${deps.config.serviceName}: evaluation request for the ${which}`,
    html: [
      `<p>The ${termNames[term.term]} term has ended. ${deps.config.serviceName} worked with your school this term, on case${references.length > 1 ? 's' : ''} ${references.join(', ')}.</p>`,
      evaluationAsk(formUrl, deps.config.serviceEmail),
      `<p>Your evaluation helps us plan next term's support. You can also reply to this message or write to ${deps.config.serviceEmail}.</p>`,
    ].join(''),
    ...(form ? { attachments: [form] } : {}),
  };
}

/** The school's evaluation form for the term, as a Word document to fill in. Throws TemplateProblem. */
async function evaluationForm(deps: WorkflowDeps, school: School, which: string): Promise<MailAttachment> {
  const ctx = { serviceName: deps.config.serviceName, serviceEmail: deps.config.serviceEmail, today: now(deps).today, school };
  const content = await deps.documents.make('evaluation-form', schoolDocumentFields(ctx, { kind: 'evaluation-form', term: which }));
  return { name: `${documentTitle('evaluation-form')} ${which}.docx`, contentType: DOCX_TYPE, content };
}
