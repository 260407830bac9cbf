import type { CaseRecord } from '../../model/records';
import { DOCX_TYPE, PDF_TYPE } from '../../ports/documents';
import type { MailAttachment } from '../../ports/services';
import type { FiledDocument } from './fileCaseDocument';

/** A filed document as a card links to it: the .docx, and its PDF when one was made. */
export interface DocumentLink {
  title: string;
  fileName: string;
  url: string;
  pdfUrl?: string;
}

export const linkOf = (filed: FiledDocument): DocumentLink => ({
  title: filed.title,
  fileName: filed.docx.name,
  url: filed.docx.webUrl,
  ...(filed.pdf ? { pdfUrl: filed.pdf.file.webUrl } : {}),
});

/** The documents a case's records say were filed (for a repeat, which files nothing). */
export const linksIn = (records: readonly CaseRecord[]): DocumentLink[] =>
  records.flatMap((r) =>
    r.body.kind === 'document' ? [{ title: r.body.title, fileName: r.body.fileName, url: r.body.fileUrl, ...(r.body.pdfUrl ? { pdfUrl: r.body.pdfUrl } : {}) }] : [],
  );

/** The documents filed for a record (its Observation Form), found by the record's key: a repeat of the request shows them again. */
export const documentsAbout = (records: readonly CaseRecord[], recordKey: string): DocumentLink[] =>
  linksIn(records.filter((r) => r.body.kind === 'document' && r.body.aboutRecordKey === recordKey));

/** The document's PDF, as a mail attachment (people outside the service get the PDF). */
export function pdfAttachment(filed: FiledDocument): MailAttachment {
  if (!filed.pdf) throw new Error(`The ${filed.kind} was filed without its PDF`);
  return { name: filed.pdf.file.name, contentType: PDF_TYPE, content: filed.pdf.bytes };
}

/** The Word document itself, as a mail attachment: a form the school fills in. */
export const docxAttachment = (filed: FiledDocument): MailAttachment => ({ name: filed.docx.name, contentType: DOCX_TYPE, content: filed.bytes });
