import { workflowError } from '../errors';
import type { Case } from '../model/case';
import { fail, ok, type Result } from '../result';

/** What the school sends back at step 2, and anything else it sends for the case. */
export const returnedDocuments = ['information-form', 'pdp', 'other'] as const;
export type ReturnedDocument = (typeof returnedDocuments)[number];

/** How a returned document is named to staff and in the filed file's name. */
export const returnedDocumentTitles: Record<ReturnedDocument, string> = {
  'information-form': 'School Initial Information Gathering form',
  pdp: 'PDP',
  other: 'Document from the school',
};

/** The largest file the service files from a school (Teams lets people send far larger). */
export const MAX_RETURNED_FILE_BYTES = 25 * 1024 * 1024;
export const maxReturnedFileWords = '25 MB';

/** Documents, and photos of a paper form: by extension, with the content type the file is filed under. */
const acceptedTypes: Readonly<Record<string, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  rtf: 'application/rtf',
  txt: 'text/plain',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};
export const acceptedExtensions: readonly string[] = Object.keys(acceptedTypes);

export interface DocumentType {
  extension: string;
  contentType: string;
}

const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).trim().toLowerCase() : '';
};

/** Rule "Returned documents": a document (Word, PDF, OpenDocument, RTF, text, Excel) or a photo of a form (JPEG, PNG). */
export function documentTypeRule(fileName: string): Result<DocumentType> {
  const extension = extensionOf(fileName);
  const contentType = Object.hasOwn(acceptedTypes, extension) ? acceptedTypes[extension] : undefined;
  if (contentType) return ok({ extension, contentType });
  return fail(
    workflowError(
      'FileTypeRefused',
      `"${fileName}" is not a document the service files. Send a Word, PDF, OpenDocument, RTF, text or Excel file, or a JPEG or PNG photo of a paper form.`,
      { rule: 'Returned documents', field: 'fileName' },
    ),
  );
}

/** Rule "Returned documents": at most 25 MB. */
export function documentSizeRule(fileName: string, bytes: number): Result<void> {
  if (bytes <= MAX_RETURNED_FILE_BYTES) return ok(undefined);
  return fail(tooLarge(fileName));
}

export const tooLarge = (fileName: string) =>
  workflowError('FileTooLarge', `"${fileName}" is larger than ${maxReturnedFileWords}, the most the service files. Ask the school for a smaller copy (a PDF, or a photo at a lower size).`, {
    rule: 'Returned documents',
    field: 'file',
  });

/** The case is waiting for the school's information form and PDP: requested, not both back, not closed. */
export const awaitsInformation = (c: Case): boolean =>
  c.status !== 'closed' && Boolean(c.milestones.informationRequested) && !c.milestones.informationReturned;

/** Rule "Returned documents": the form and the PDP are filed against a case waiting for them; anything else for an open case. */
export function documentAwaitedRule(c: Case, document: ReturnedDocument): Result<void> {
  if (document === 'other' || awaitsInformation(c)) return ok(undefined);
  const why = c.milestones.informationReturned
    ? `the information form and PDP are already recorded as returned on ${c.reference}`
    : `${c.reference} is not waiting for the school's information (no information request was sent)`;
  return fail(workflowError('InformationNotAwaited', `This cannot be filed as the ${returnedDocumentTitles[document]}: ${why}. File it as another document for the case instead.`, { rule: 'Returned documents', field: 'document' }));
}

/**
 * The name a returned document is filed under: its title, the case reference and the day, never
 * the child's name. Another document, or a form or PDP sent again, carries the request's own code
 * too: two on one day stay two files, and a retry of the same request still finds its own.
 */
export function filedName(document: ReturnedDocument, caseReference: string, today: string, extension: string, requestKey: string, sentBefore: boolean): string {
  const code = document === 'other' || sentBefore ? ` ${requestKey.replace(/[^A-Za-z0-9]/g, '').slice(-5).toUpperCase()}` : '';
  return `${returnedDocumentTitles[document]} ${caseReference} returned ${today}${code}.${extension}`;
}
