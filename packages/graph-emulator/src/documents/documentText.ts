import { zipEntry } from './zipEntry';

/** What SharePoint's PDF conversion would start from: a PDF as it is, or a document's text as lines. */
export type ConvertibleSource =
  | { kind: 'pdf'; bytes: Buffer }
  | { kind: 'text'; paragraphs: string[] }
  | { kind: 'unsupported'; reason: string };

const textExtensions = new Set(['txt', 'md', 'csv']);
const htmlExtensions = new Set(['html', 'htm']);

const extensionOf = (name: string): string => (name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '');

/** A file's text for the PDF conversion, by its extension as SharePoint goes by it. */
export function convertibleSource(name: string, bytes: Buffer): ConvertibleSource {
  const extension = extensionOf(name);
  if (extension === 'pdf') {
    return bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? { kind: 'pdf', bytes } : { kind: 'unsupported', reason: 'The file is named .pdf but is not a PDF.' };
  }
  if (extension === 'docx') {
    try {
      const xml = zipEntry(bytes, 'word/document.xml');
      if (!xml) return { kind: 'unsupported', reason: 'The .docx has no word/document.xml.' };
      return { kind: 'text', paragraphs: docxParagraphs(xml.toString('utf8')) };
    } catch (error) {
      return { kind: 'unsupported', reason: `The .docx could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  if (textExtensions.has(extension)) return { kind: 'text', paragraphs: bytes.toString('utf8').replace(/\r\n?/g, '\n').split('\n') };
  if (htmlExtensions.has(extension)) return { kind: 'text', paragraphs: htmlParagraphs(bytes.toString('utf8')) };
  return { kind: 'unsupported', reason: `Files of type '.${extension || '(none)'}' cannot be converted to PDF by the Graph emulator (it converts .docx, .pdf, .txt, .md, .csv and .html).` };
}

/**
 * The paragraphs of a WordprocessingML body in document order (a table's cells are paragraphs too,
 * row by row): runs' text, tabs as spaces, line breaks kept as `\n`.
 */
export function docxParagraphs(xml: string): string[] {
  const body = /<w:body\b[^>]*>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? xml;
  const paragraphs: string[] = [];
  for (const match of body.matchAll(/<w:p\b[^>]*\/>|<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    // Paragraph properties hold tab stops (<w:tabs><w:tab …/>), which are not text.
    const inner = (match[1] ?? '').replace(/<w:pPr\b[\s\S]*?<\/w:pPr>/g, '');
    let text = '';
    for (const part of inner.matchAll(/<w:t\b[^>]*>([\s\S]*?)<\/w:t>|<w:t\b[^>]*\/>|<w:(tab)\b[^>]*\/>|<w:(br|cr)\b[^>]*\/>/g)) {
      if (part[2]) text += '    ';
      else if (part[3]) text += '\n';
      else text += decodeXml(part[1] ?? '');
    }
    paragraphs.push(text);
  }
  return paragraphs;
}

function htmlParagraphs(html: string): string[] {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table|ul|ol)>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeXml(text).split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return named[entity.toLowerCase()] ?? whole;
  });
}
