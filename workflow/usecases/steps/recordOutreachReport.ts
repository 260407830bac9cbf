import { workflowError } from '../../errors';
import type { BodyOf, CaseRecord } from '../../model/records';
import type { Versioned } from '../../ports/store';
import { fail, ok } from '../../result';
import { openCaseRule } from '../../rules/closing';
import type { UseCase } from '../deps';
import { addDocumentRecords, paperwork } from '../documents/documentRecords';
import { documentContext } from '../documents/documentContext';
import { linkOf, pdfAttachment, type DocumentLink } from '../documents/documentLinks';
import { caseFolder, fileCaseDocument } from '../documents/fileCaseDocument';
import { addRecordTo, type RecordAdded } from '../support/addRecord';
import { openCase } from '../support/caseAccess';
import { parseRecordInput } from '../support/recordInput';

/** A report recorded, and the document filed for it (its PDF beside it). */
export interface ReportRecorded extends RecordAdded {
  document: DocumentLink;
  /** Who it was mailed to; none when no address was given (the worker sends it from the folder). */
  sentTo?: string;
}

const reportTitles = { outreach: 'Outreach Report', 'fair-access-panel': 'Fair Access Panel report' } as const;

/**
 * Step 10: an Outreach Report when another agency asks, or when the case goes to the Fair
 * Access Panel. (The End of Outreach Report is written when a case closes, not here.) The report
 * is written from its template and filed (with its PDF) in the case's folder, the record links to
 * it, and its PDF is mailed to whoever asked for it when their address is given. Each report is a
 * new version of its kind's file; a repeat (double click, retry after a failure) finds the same
 * version, so nothing is filed or mailed twice. A template that cannot be used refuses in words.
 */
export const recordOutreachReport: UseCase<unknown, ReportRecorded> = async (deps, actor, raw) => {
  const input = parseRecordInput('report', raw);
  if (!input.ok) return input;
  const { caseId, requestKey } = input.value;
  const reportType = input.value.body.reportType;
  if (reportType === 'end-of-outreach') {
    return fail(workflowError('ValidationFailed', 'The End of Outreach Report is written when the case closes after its review.', { field: 'reportType' }));
  }
  const key = `${caseId}:${requestKey}`;
  // The case, its records (for the version) and this request's record if a first try made it: one $batch on Graph.
  const [opened, records, earlier] = await Promise.all([openCase(deps, actor, caseId, 'caseload'), deps.stores.records.find({ caseId }), deps.stores.records.findByKey(key)]);
  if (!opened.ok) return opened;
  const c = opened.value.case;
  if (!earlier) {
    const open = openCaseRule(c);
    if (!open.ok) return open;
  }
  // A repeat files what was asked the first time.
  const body = earlier?.body.kind === 'report' ? earlier.body : input.value.body;
  const ctx = await documentContext(deps, c);
  if (!ctx.ok) return ctx;
  const kind = reportType === 'fair-access-panel' ? 'fap-report' : 'outreach-report';
  const version = reportsBefore(records, body, earlier) + 1;
  const filed = await paperwork(async () =>
    fileCaseDocument(deps, ctx.value, { kind, record: body, writtenBy: actor.displayName }, { folder: await caseFolder(deps, ctx.value), version, pdf: true }),
  );
  if (!filed.ok) return filed;
  const to = body.requestedByEmail;
  const added = await addRecordTo(
    deps,
    actor,
    c,
    { ...body, fileUrl: filed.value.docx.webUrl },
    requestKey,
    {
      // The mail (once per request) and the document's record travel with the report's record.
      alongside: (work) => {
        if (to) {
          work.add(
            'report-mail',
            () =>
              deps.mailer.send(
                {
                  to: [to],
                  subject: `${deps.config.serviceName}: ${reportTitles[body.reportType === 'fair-access-panel' ? 'fair-access-panel' : 'outreach']} for case ${c.reference}`,
                  html: `<p>Please find attached the report you asked for, on case ${c.reference}.</p><p>${deps.config.serviceName}</p>`,
                  attachments: [pdfAttachment(filed.value)],
                },
                `${key}:report-mail`,
              ),
            ['record'],
          );
        }
        addDocumentRecords(work, deps, actor, c, [filed.value], 10, { after: to ? ['record', 'report-mail'] : ['record'], aboutRecordKey: key, ...(to ? { sentTo: () => [to] } : {}) });
      },
    },
    opened.value.asDsl,
  );
  if (!added.ok) return added;
  return ok({ ...added.value, document: linkOf(filed.value), ...(to ? { sentTo: to } : {}) });
};

/** Reports of the same kind on the case before this one (this request's own, from a first try, not counted). */
function reportsBefore(records: readonly Versioned<CaseRecord>[], body: BodyOf<'report'>, earlier: Versioned<CaseRecord> | undefined): number {
  return records.filter((r) => r.body.kind === 'report' && r.body.reportType === body.reportType && r.id !== earlier?.id).length;
}
