import { readableDate } from '../calendar';
import type { DocumentFields } from '../ports/documents';
import { caseDocumentBasics, schoolDocumentBasics } from './commonFields';
import { outreachContractFields } from './contractFields';
import type { CaseDocumentContext, CaseDocumentRequest, SchoolDocumentContext, SchoolDocumentRequest } from './documentRequest';
import { earlyClosureFields, evaluationFields, parentsContractFields } from './letterFields';
import { chronologyLogFields, endOfOutreachFields, summaryRecordFields } from './logFields';
import { meetingFields, observationFields, reportFields } from './recordFields';

/** What the request adds to the case's own fields, document by document. */
function requestFields(ctx: CaseDocumentContext, request: CaseDocumentRequest): DocumentFields {
  switch (request.kind) {
    case 'information-letter':
      return { returnBy: readableDate(request.returnBy) };
    case 'information-form':
    case 'pdp':
      return {};
    case 'observation-form':
      return observationFields(request.record, request.observer);
    case 'meeting-record':
      return meetingFields(request.record, request.recordedBy);
    case 'outreach-contract':
      return outreachContractFields(request.contract, request.packages, request.approvedBy);
    case 'chronology-log':
      return chronologyLogFields(request.records, request.staffNames);
    case 'summary-record':
      return summaryRecordFields(ctx.case, request.records);
    case 'end-of-outreach-report':
      return endOfOutreachFields(ctx.case, request.records);
    case 'outreach-report':
    case 'fap-report':
      return reportFields(request.record, request.writtenBy);
    case 'evaluation-form':
      return evaluationFields({ aboutACase: true }, request.formLink);
    case 'early-closure-letter':
      return earlyClosureFields(request.closure);
    case 'parents-contract-letter':
      return parentsContractFields(request.parent, request.contract, request.outcome);
  }
}

/**
 * Everything a case document shows, from the case as it stands and the request: the template is
 * filled with these and nothing typed in again (see documentFieldNames for each kind's list).
 */
export function caseDocumentFields(ctx: CaseDocumentContext, request: CaseDocumentRequest): DocumentFields {
  const basics = caseDocumentBasics(ctx);
  if (request.kind === 'evaluation-form') {
    // The evaluation form is shared with the school's term form: it takes no parents loop.
    const { parents: _parents, ...rest } = basics;
    return { ...rest, ...requestFields(ctx, request) };
  }
  return { ...basics, ...requestFields(ctx, request) };
}

/** A school's evaluation form at the end of a term: about the school's cases, no child. */
export function schoolDocumentFields(ctx: SchoolDocumentContext, request: SchoolDocumentRequest): DocumentFields {
  return { ...schoolDocumentBasics(ctx, ctx.school), ...evaluationFields({ aboutACase: false, term: request.term }, request.formLink) };
}
