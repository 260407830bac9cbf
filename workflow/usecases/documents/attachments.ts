import { DOCX_TYPE, PDF_TYPE } from '../../ports/documents';
import type { MailAttachment } from '../../ports/services';
import type { FiledDocument } from './fileCaseDocument';

/** A filed document as a mail attachment, under its filed name: the .docx (to fill in) or its PDF (to read). */
export function attachmentOf(document: FiledDocument, as: 'docx' | 'pdf'): MailAttachment {
  if (as === 'pdf') {
    if (!document.pdf) throw new Error(`${document.title} was filed without a PDF`);
    return { name: document.pdf.file.name, contentType: PDF_TYPE, content: document.pdf.bytes };
  }
  return { name: document.docx.name, contentType: DOCX_TYPE, content: document.bytes };
}
