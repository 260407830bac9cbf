import { z } from 'zod';
import { workflowError } from '../../errors';
import { closedMonthOf, type Case } from '../../model/case';
import type { Child } from '../../model/child';
import type { CaseRecord } from '../../model/records';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import { normalCloseRule, openCaseRule } from '../../rules/closing';
import type { UseCase, WorkflowDeps } from '../deps';
import { audit } from '../support/audit';
import { changeCase, loadCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import type { Meeting } from '../../model/meeting';
import { cancelMeetingsAhead } from '../meetings/meetingsAhead';
import { UnitOfWork } from '../support/unitOfWork';
import { addDocumentRecords, paperwork } from '../documents/documentRecords';
import { documentContext } from '../documents/documentContext';
import { docxAttachment, linkOf, linksIn, pdfAttachment, type DocumentLink } from '../documents/documentLinks';
import { evaluationAsk } from '../documents/evaluationAsk';
import type { FiledDocument } from '../documents/fileCaseDocument';
import { fileClosingPapers } from './closingPapers';

export const CompleteCaseInput = z.object({ caseId: z.string().min(1) });

/** A closed case, whether this request found it already closed the same way (a repeat), and the documents filed for it. */
export type ClosedCase = Versioned<Case> & { repeated: boolean; documents: DocumentLink[] };

/** What the caller already read, so completing reads it no more. */
export interface Completing {
  /** The case's records (the report is made from them). */
  records: readonly Versioned<CaseRecord>[];
  /** The review that ended the support, when the caller has it (else it is found by the case's milestone). */
  review?: Versioned<CaseRecord>;
  /** The case's child, when the caller read it with its own requests. */
  child?: Child | undefined;
  /** Writes of the caller that travel with the closing (a reviewed contract ended). */
  alongside?: (work: UnitOfWork) => void;
  /** The case's meetings, when the caller asked for them with its own reads: those ahead are cancelled with the closing. */
  meetings?: Promise<Versioned<Meeting>[]>;
}

/**
 * Closing after a review that ended the support: the End of Outreach Report (with its PDF), the
 * Chronology Log and the Summary Record are filed in the case's folder, the report's PDF is sent
 * to the school, the evaluation request is recorded and sent (the online form's link, or the form
 * attached), and the case closes (rule Closing: only once both have gone). Each mail has an
 * idempotency key, each document its file name and record key, so a retry after a failure carries
 * on where it stopped without filing or mailing anything twice; a repeat once the case is closed
 * this way (double click, Teams retry) is ok with `repeated`. A template that cannot be used
 * refuses the closing in words, with nothing sent.
 */
export const completeCase: UseCase<unknown, ClosedCase> = async (deps, actor, raw) => {
  const parsed = parseInput(CompleteCaseInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId } = parsed.value;
  const [loaded, records] = await Promise.all([loadCase(deps, actor, caseId), deps.stores.records.find({ caseId })]);
  if (!loaded.ok) return loaded;
  return completeLoaded(deps, actor, loaded.value, { records });
};

/**
 * completeCase on a case already loaded (recordReview has just read it and its records). Round
 * trips on Graph: the child (with the review's record when not given), the folder (two lookups),
 * the documents' uploads (started together) and the report's PDF, then one $batch: both mails
 * (each its claim, sendMail and mark), the evaluation request record, the document records, the
 * case closed with its milestones (If-Match) and the audit line.
 */
export async function completeLoaded(deps: WorkflowDeps, actor: Staff, c: Versioned<Case>, known: Completing): Promise<Result<ClosedCase>> {
  if (c.status === 'closed' && c.closure?.how === 'review-ended') return ok({ ...c, repeated: true, documents: linksIn(known.records.filter(isClosingDocument)) });
  const open = openCaseRule(c);
  if (!open.ok) return open;
  const lastReview = c.milestones.lastReview;
  if (lastReview?.outcome !== 'end') {
    return fail(workflowError('InvalidState', 'Record a review that ends the support first.', { rule: 'Closing' }));
  }
  const [ctx, review, meetings] = await Promise.all([
    documentContext(deps, c, { child: known.child }),
    known.review ?? (lastReview.destination ? undefined : reviewRecord(deps, lastReview)),
    known.meetings ?? deps.stores.meetings.find({ caseId: c.id }),
  ]);
  if (!ctx.ok) return ctx;
  const school = ctx.value.school;
  const stamp = now(deps);
  const by = { at: stamp.at, by: actor.userId };
  const given = known.review;
  const records = given && !known.records.some((r) => r.id === given.id) ? [...known.records, given] : [...known.records];
  const formUrl = deps.config.evaluationFormUrl;
  const papers = await paperwork(() => fileClosingPapers(deps, ctx.value, records, !formUrl));
  if (!papers.ok) return papers;
  const { report, chronology, summary, form } = papers.value;
  const m = c.milestones;
  const filed = m.endReportFiled ?? { ...by, fileUrl: report.docx.webUrl };
  const work = new UnitOfWork(deps.batching, `${c.id}:complete`);
  known.alongside?.(work);
  const after: string[] = [];
  const toSchool = [school.senco.email, school.headteacher.email];
  if (!m.endReportSent) {
    after.push('report-mail');
    work.add('report-mail', () =>
      deps.mailer.send(
        {
          to: [school.senco.email],
          cc: [school.headteacher.email],
          subject: `${deps.config.serviceName}: End of Outreach Report for case ${c.reference}`,
          html: `<p>Please find attached the End of Outreach Report for case ${c.reference}.</p>`,
          attachments: [pdfAttachment(report)],
        },
        `${c.id}:end-report`,
      ),
    );
  }
  if (!m.evaluationRequested) {
    after.push('evaluation-mail');
    requestEvaluation(work, deps, actor, c, school.senco.email, stamp.today, form);
  }
  // Each document's record once its mail went (a mail sent by an earlier try is not in this unit: no wait).
  addDocumentRecords(work, deps, actor, c, [report], 9, { after: ['report-mail'], sentTo: () => toSchool });
  addDocumentRecords(work, deps, actor, c, [chronology, summary], 9);
  if (form) addDocumentRecords(work, deps, actor, c, [form], 10, { after: ['evaluation-mail'], sentTo: () => [school.senco.email] });
  // The case closes once its records link every document (a repeat of a closed case writes none).
  after.push(...[report, chronology, summary, ...(form ? [form] : [])].map((d) => `document:${d.docx.name}`));
  const destination = lastReview.destination ?? (review?.body.kind === 'review' ? review.body.destination : undefined);
  // Everything above marked on the case and the case closed, in one write once the mails went and the documents' records were written.
  const closed = work.add(
    'case',
    () =>
      changeCase(deps, actor, c.id, (latest) => {
        const stillOpen = openCaseRule(latest);
        if (!stillOpen.ok) return stillOpen;
        const done = { ...latest, milestones: marked(latest, filed, by, true) };
        const closable = normalCloseRule(done);
        if (!closable.ok) return closable;
        return ok({
          milestones: done.milestones,
          status: 'closed',
          contractInForce: undefined,
          closure: { on: stamp.today, by: actor.userId, how: 'review-ended', ...(destination ? { destination } : {}) },
          closedMonth: closedMonthOf(stamp.today),
        });
      }, c),
    after,
  );
  work.add('audit', () => audit(deps, actor, 'case.closed', c.id, c.id, { how: 'review-ended' }), ['case']);
  cancelMeetingsAhead(deps, actor, work, meetings, ['case'], 'The outreach support has ended.');
  try {
    await work.flush();
  } catch (error) {
    // A mail failed: what did land (the report filed, a mail sent) is marked, so completing again carries on from there.
    const [reportSent, evaluationSent] = [work.landed('report-mail'), work.landed('evaluation-mail')];
    await changeCase(deps, actor, c.id, (latest) => ok({ milestones: marked(latest, filed, by, false, reportSent, evaluationSent) }), c);
    throw error;
  }
  const result = closed();
  if (!result.ok) return result;
  const documents = [report, chronology, summary, ...(form ? [form] : [])].map(linkOf);
  return ok({ ...result.value, repeated: false, documents });
}

/** The case's milestones with those this completing reached added (an earlier one is kept). */
function marked(
  latest: Case,
  filed: NonNullable<Case['milestones']['endReportFiled']>,
  by: { at: string; by: string },
  all: boolean,
  reportSent = all,
  evaluationSent = all,
): Case['milestones'] {
  const m = latest.milestones;
  return {
    ...m,
    endReportFiled: m.endReportFiled ?? filed,
    ...(m.endReportSent ?? reportSent ? { endReportSent: m.endReportSent ?? by } : {}),
    ...(m.evaluationRequested ?? evaluationSent ? { evaluationRequested: m.evaluationRequested ?? by } : {}),
  };
}

/**
 * Plans the request's record (saved first) and its mail, sent once per case: the online form's
 * link, or the evaluation form attached; a reader of the mail.
 */
function requestEvaluation(work: UnitOfWork, deps: WorkflowDeps, actor: Staff, c: Versioned<Case>, to: string, today: string, form: FiledDocument | undefined): void {
  const key = `${c.id}:evaluation-request:case-end`;
  const at = now(deps).at;
  work.add('evaluation', () =>
    deps.stores.records.create(
      {
        caseId: c.id,
        step: 10,
        safeguarding: false,
        locked: false,
        body: { kind: 'evaluation-request', sentOn: today, to: [to] },
        createdBy: actor.userId,
        createdAt: at,
        updatedBy: actor.userId,
        updatedAt: at,
      },
      key,
    ),
  );
  work.add(
    'evaluation-mail',
    () =>
      deps.mailer.send(
        {
          to: [to],
          subject: `${deps.config.serviceName}: evaluation of case ${c.reference}`,
          html: `<p>Support for case ${c.reference} has ended.</p>${evaluationAsk(deps.config.evaluationFormUrl, deps.config.serviceEmail)}`,
          ...(form ? { attachments: [docxAttachment(form)] } : {}),
        },
        key,
      ),
    ['evaluation'],
  );
}

/** The last review's record, by its key (or, for cases recorded before milestones named keys, its id). */
async function reviewRecord(deps: WorkflowDeps, lastReview: { recordKey?: string | undefined; recordId?: string | undefined }): Promise<CaseRecord | undefined> {
  const { recordKey, recordId } = lastReview;
  return recordKey ? deps.stores.records.findByKey(recordKey) : recordId ? deps.stores.records.get(recordId) : undefined;
}

const closingDocuments: ReadonlySet<string> = new Set(['end-of-outreach-report', 'chronology-log', 'summary-record', 'evaluation-form']);
/** A document the closing filed (not the case's earlier paperwork). */
const isClosingDocument = (r: CaseRecord): boolean => r.body.kind === 'document' && closingDocuments.has(r.body.document);
