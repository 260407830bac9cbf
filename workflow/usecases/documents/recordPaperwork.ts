import type { Case } from '../../model/case';
import type { CaseDocumentContext, CaseDocumentRequest } from '../../documents/documentRequest';
import type { Versioned } from '../../ports/store';
import type { WorkflowDeps } from '../deps';
import type { PlannedRecord, RecordPaperwork } from '../support/addRecord';
import { readForDocuments, documentsFiled } from './caseDocumentContext';
import { caseFolder, fileCaseDocument } from './fileCaseDocument';
import { documentsAbout } from './documentLinks';

/**
 * A record written up as a document (an observation on the Observation Form, a meeting as its
 * record): made from the record and the case, filed once per record. Each of its kind on the
 * case is the next version (the second observation's form is v2). A repeat of the same request
 * finds the document its first try filed and makes no other.
 */
export function writtenUpAs(deps: WorkflowDeps, requestOf: (record: PlannedRecord, ctx: CaseDocumentContext) => CaseDocumentRequest) {
  return async (c: Versioned<Case>, record: PlannedRecord): Promise<RecordPaperwork> => {
    const reads = await readForDocuments(deps, c);
    if (!reads) return { filed: [], earlier: [] };
    const request = requestOf(record, reads.ctx);
    const earlier = documentsAbout(reads.records, record.key);
    if (earlier.length > 0) return { filed: [], earlier };
    const version = documentsFiled(reads.records, request.kind).length + 1;
    const folder = await caseFolder(deps, reads.ctx);
    return { filed: [await fileCaseDocument(deps, reads.ctx, request, { folder, version })], earlier: [] };
  };
}
