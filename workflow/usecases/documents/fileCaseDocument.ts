import { caseDocumentFields } from '../../documents/fieldsFor';
import { documentFileName, documentTitle } from '../../documents/documentNames';
import type { CaseDocumentContext, CaseDocumentRequest } from '../../documents/documentRequest';
import { DOCX_TYPE, PDF_TYPE, type DocumentKind } from '../../ports/documents';
import type { FileRef, FolderRef } from '../../ports/services';
import type { WorkflowDeps } from '../deps';
import { childFolderName } from '../referral/childIdentity';

/** A document written for a case and filed in its folder: the .docx, and the PDF beside it when one was asked for. */
export interface FiledDocument {
  kind: DocumentKind;
  title: string;
  version: number;
  docx: FileRef;
  bytes: Uint8Array;
  pdf?: { file: FileRef; bytes: Uint8Array };
}

/** The case's subfolder of the child's folder (made if missing). */
export function caseFolder(deps: WorkflowDeps, ctx: Pick<CaseDocumentContext, 'case' | 'child'>): Promise<FolderRef> {
  return deps.folders.ensureCaseFolder(childFolderName(ctx.child, deps.config.folderNamePattern), ctx.case.reference);
}

/**
 * Writes a document from what the case holds and files it under its consistent name (the
 * document, the case reference, the version). Filing is once per name: a repeat (a retry, a
 * restart before the step was marked) finds the file the first try filed and replaces nothing,
 * so a new version is always a new file. `part` tells apart several of one version (a letter to
 * each parent). `pdf`: also converted by SharePoint and filed beside it,
 * for people outside the service. Throws TemplateProblem for a template that cannot be used.
 */
export async function fileCaseDocument(
  deps: WorkflowDeps,
  ctx: CaseDocumentContext,
  request: CaseDocumentRequest,
  how: { folder: FolderRef; version?: number; pdf?: boolean; part?: string | undefined },
): Promise<FiledDocument> {
  const version = how.version ?? 1;
  const nameOf = (ext: 'docx' | 'pdf') => withPart(documentFileName(request.kind, ctx.case.reference, version, ext), how.part);
  const bytes = await deps.documents.make(request.kind, caseDocumentFields(ctx, request));
  const docx = await deps.folders.uploadOnce(how.folder, nameOf('docx'), bytes, DOCX_TYPE);
  const filed: FiledDocument = { kind: request.kind, title: documentTitle(request.kind), version, docx, bytes };
  if (!how.pdf) return filed;
  const pdfBytes = await deps.folders.pdfOf(docx);
  const pdf = await deps.folders.uploadOnce(how.folder, nameOf('pdf'), pdfBytes, PDF_TYPE);
  return { ...filed, pdf: { file: pdf, bytes: pdfBytes } };
}

/** "Letter to Parents OC-26-ABCDE v2 (parent 1).docx": one of several documents of a version (never a person's name). */
const withPart = (fileName: string, part: string | undefined): string => (part ? fileName.replace(/(\.[a-z]+)$/, ` (${part})$1`) : fileName);
