import { z } from 'zod';
import { workflowError } from '../../errors';
import { closedMonthOf, type Case } from '../../model/case';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import { normalCloseRule, openCaseRule } from '../../rules/closing';
import type { UseCase, WorkflowDeps } from '../deps';
import { childFolderName } from '../referral/childIdentity';
import { audit } from '../support/audit';
import { changeCase, loadCase, type CaseChange } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import type { Staff } from '../../model/staff';
import { endOfOutreachReport } from './endOfOutreachReport';

export const CompleteCaseInput = z.object({ caseId: z.string().min(1) });

/** A closed case, and whether this request found it already closed the same way (a repeat). */
export type ClosedCase = Versioned<Case> & { repeated: boolean };

/**
 * Closing after a review that ended the support: the End of Outreach Report is filed in the
 * child's folder and sent to the school, the evaluation request is recorded and sent, and the
 * case closes (rule Closing: only once both have gone). Each part is saved before its mail goes
 * and marked done after, and each mail has an idempotency key, so a retry after a failure carries
 * on where it stopped without mailing anything twice; a repeat once the case is closed this way
 * (double click, Teams retry) is ok with `repeated`.
 */
export const completeCase: UseCase<unknown, ClosedCase> = async (deps, actor, raw) => {
  const parsed = parseInput(CompleteCaseInput, raw);
  if (!parsed.ok) return parsed;
  const loaded = await loadCase(deps, actor, parsed.value.caseId);
  if (!loaded.ok) return loaded;
  let c = loaded.value;
  if (c.status === 'closed' && c.closure?.how === 'review-ended') return ok({ ...c, repeated: true });
  const open = openCaseRule(c);
  if (!open.ok) return open;
  if (c.milestones.lastReview?.outcome !== 'end') {
    return fail(workflowError('InvalidState', 'Record a review that ends the support first.', { rule: 'Closing' }));
  }
  const [child, school] = await Promise.all([deps.stores.children.get(c.childId), deps.stores.schools.get(c.schoolId)]);
  if (!child || !school) return fail(workflowError('NotFound', 'The case\'s child or school record is missing.'));
  const stamp = now(deps);
  const mark = (change: (latest: Case) => CaseChange): Promise<Result<Versioned<Case>>> => changeCase(deps, actor, c.id, (latest) => ok(change(latest)));
  const reportName = `End of Outreach Report ${c.reference}.html`;

  if (!c.milestones.endReportFiled) {
    const records = await deps.stores.records.find({ caseId: c.id });
    const html = endOfOutreachReport(c, child, school, records, deps.config.serviceName);
    const folder = await deps.folders.ensureCaseFolder(childFolderName(child, deps.config.folderNamePattern), c.reference);
    const file = await deps.folders.upload(folder, reportName, new TextEncoder().encode(html), 'text/html');
    const marked = await mark((l) => ({ milestones: { ...l.milestones, endReportFiled: { at: stamp.at, by: actor.userId, fileUrl: file.webUrl } } }));
    if (!marked.ok) return marked;
    c = marked.value;
  }
  if (!c.milestones.endReportSent) {
    // The report was filed (saved) above; the key keeps a retry after a failed mark from mailing it twice.
    const records = await deps.stores.records.find({ caseId: c.id });
    const html = endOfOutreachReport(c, child, school, records, deps.config.serviceName);
    await deps.mailer.send(
      {
        to: [school.senco.email],
        cc: [school.headteacher.email],
        subject: `${deps.config.serviceName}: End of Outreach Report for case ${c.reference}`,
        html: `<p>Please find attached the End of Outreach Report for case ${c.reference}.</p>`,
        attachments: [{ name: reportName, contentType: 'text/html', content: new TextEncoder().encode(html) }],
      },
      `${c.id}:end-report`,
    );
    const marked = await mark((l) => ({ milestones: { ...l.milestones, endReportSent: { at: stamp.at, by: actor.userId } } }));
    if (!marked.ok) return marked;
    c = marked.value;
  }
  if (!c.milestones.evaluationRequested) {
    const sent = await requestEvaluation(deps, actor, c, school.senco.email, stamp.today);
    if (!sent.ok) return sent;
    c = sent.value;
  }
  const closable = normalCloseRule(c);
  if (!closable.ok) return closable;
  const lastReview = c.milestones.lastReview;
  const destination = lastReview?.destination ?? (lastReview ? await reviewDestination(deps, lastReview) : undefined);
  const closed = await mark(() => ({
    status: 'closed',
    contractInForce: undefined,
    closure: { on: stamp.today, by: actor.userId, how: 'review-ended', ...(destination ? { destination } : {}) },
    closedMonth: closedMonthOf(stamp.today),
  }));
  if (!closed.ok) return closed;
  await audit(deps, actor, 'case.closed', c.id, c.id, { how: 'review-ended' });
  return ok({ ...closed.value, repeated: false });
};

/** Records the request (saved first), sends it once per case, then marks it sent on the case. */
async function requestEvaluation(deps: WorkflowDeps, actor: Staff, c: Versioned<Case>, to: string, today: string): Promise<Result<Versioned<Case>>> {
  const key = `${c.id}:evaluation-request:case-end`;
  await deps.stores.records.create(
    {
      caseId: c.id,
      step: 10,
      safeguarding: false,
      locked: false,
      body: { kind: 'evaluation-request', sentOn: today, to: [to] },
      createdBy: actor.userId,
      createdAt: now(deps).at,
      updatedBy: actor.userId,
      updatedAt: now(deps).at,
    },
    key,
  );
  await deps.mailer.send(
    {
      to: [to],
      subject: `${deps.config.serviceName}: evaluation of case ${c.reference}`,
      html: `<p>Support for case ${c.reference} has ended. Please complete the school evaluation form: your view helps us improve.</p>`,
    },
    key,
  );
  return changeCase(deps, actor, c.id, (latest) => ok({ milestones: { ...latest.milestones, evaluationRequested: { at: now(deps).at, by: actor.userId } } }));
}

/** Where the pupil goes, from the last review's record: for reviews recorded before the milestone carried it. */
async function reviewDestination(deps: WorkflowDeps, lastReview: { recordKey?: string | undefined; recordId?: string | undefined }) {
  const { recordKey, recordId } = lastReview;
  const review = recordKey ? await deps.stores.records.findByKey(recordKey) : recordId ? await deps.stores.records.get(recordId) : undefined;
  return review?.body.kind === 'review' ? review.body.destination : undefined;
}
