import { convertibleSource } from './documentText';
import { textPdf } from './textPdf';

/**
 * A document as SharePoint's `content?format=pdf` would give it: a PDF as it is; a .docx, .txt,
 * .md, .csv or .html as a PDF of its text. Undefined (with why) for a file that cannot be converted.
 */
export async function documentPdf(fileName: string, bytes: Uint8Array, at: Date = new Date()): Promise<{ pdf: Uint8Array } | { unsupported: string }> {
  const source = convertibleSource(fileName, Buffer.from(bytes));
  if (source.kind === 'unsupported') return { unsupported: source.reason };
  if (source.kind === 'pdf') return { pdf: Uint8Array.from(source.bytes) };
  return { pdf: await textPdf(fileName, source.paragraphs, at) };
}
