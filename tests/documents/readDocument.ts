import mammoth from 'mammoth';
import PizZip from 'pizzip';

/** A made document's body as text (mammoth), and the raw XML of its body and header. */
export async function readDocument(bytes: Uint8Array): Promise<{ text: string; documentXml: string; headerXml: string }> {
  const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  const zip = new PizZip(bytes);
  return { text, documentXml: zip.file('word/document.xml')?.asText() ?? '', headerXml: zip.file('word/header1.xml')?.asText() ?? '' };
}

/** The text of the XML's runs (what Word shows), entities decoded. */
export const xmlText = (xml: string): string =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
