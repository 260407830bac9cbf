import type { CaseDocumentContext } from '../../documents/documentRequest';
import type { CaseRecord } from '../../model/records';
import type { WorkflowDeps } from '../deps';
import { caseFolder, fileCaseDocument, type FiledDocument } from '../documents/fileCaseDocument';

/** The paperwork of a case that ends after its review, filed in the case's folder. */
export interface ClosingPapers {
  /** The End of Outreach Report, with its PDF (for the school). */
  report: FiledDocument;
  chronology: FiledDocument;
  summary: FiledDocument;
  /** The evaluation form, for the school to fill in: only when the service has no online form. */
  form?: FiledDocument;
}

/**
 * Writes and files the closing documents (version 1: a case ends once), the uploads started
 * together once the folder is found. Filing is once per name, so a retry finds what an earlier
 * try filed. Throws TemplateProblem for a template that cannot be used.
 */
export async function fileClosingPapers(deps: WorkflowDeps, ctx: CaseDocumentContext, records: readonly CaseRecord[], withForm: boolean): Promise<ClosingPapers> {
  const [folder, staff] = await Promise.all([caseFolder(deps, ctx), deps.stores.staff.list()]);
  const staffNames = new Map(staff.map((s) => [s.userId, s.displayName]));
  const [report, chronology, summary, form] = await Promise.all([
    fileCaseDocument(deps, ctx, { kind: 'end-of-outreach-report', records }, { folder, pdf: true }),
    fileCaseDocument(deps, ctx, { kind: 'chronology-log', records, staffNames }, { folder }),
    fileCaseDocument(deps, ctx, { kind: 'summary-record', records }, { folder }),
    withForm ? fileCaseDocument(deps, ctx, { kind: 'evaluation-form' }, { folder }) : undefined,
  ]);
  return { report, chronology, summary, ...(form ? { form } : {}) };
}
