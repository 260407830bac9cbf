// TEMPORARY: replaced by the docs-engine branch.
import type { DocumentFields } from '../ports/documents';
import type { CaseDocumentContext, CaseDocumentRequest, SchoolDocumentContext, SchoolDocumentRequest } from './documentRequest';

export const caseDocumentFields = (ctx: CaseDocumentContext, _request: CaseDocumentRequest): DocumentFields => ({ reference: ctx.case.reference });
export const schoolDocumentFields = (ctx: SchoolDocumentContext, _request: SchoolDocumentRequest): DocumentFields => ({ school: ctx.school.name });
