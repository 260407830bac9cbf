import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

const PAGE = { width: 595.28, height: 841.89 }; // A4, in points
const MARGIN = 56;
const FONT_SIZE = 11;
const LINE_HEIGHT = 15;
const PARAGRAPH_GAP = 5;
/**
 * Helvetica (a standard PDF font, nothing embedded) encodes WinAnsi only: Latin letters, accents and
 * typographic punctuation. Any other character is drawn as this visible placeholder.
 */
export const UNENCODABLE_PLACEHOLDER = '?';

/** A PDF of these paragraphs: A4, wrapped to the page's width, as many pages as it takes. */
export async function textPdf(title: string, paragraphs: readonly string[], createdAt: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setProducer('Outreach Cases Graph emulator');
  pdf.setCreationDate(createdAt);
  pdf.setModificationDate(createdAt);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const encodable = new Set(font.getCharacterSet());
  const width = PAGE.width - 2 * MARGIN;
  let page = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;
  for (const paragraph of paragraphs) {
    for (const line of wrap(encodableText(paragraph, encodable), font, width)) {
      if (y - LINE_HEIGHT < MARGIN) {
        page = pdf.addPage([PAGE.width, PAGE.height]);
        y = PAGE.height - MARGIN;
      }
      y -= LINE_HEIGHT;
      if (line.length > 0) page.drawText(line, { x: MARGIN, y, size: FONT_SIZE, font });
    }
    y -= PARAGRAPH_GAP;
  }
  // Object streams make the file half the size but saving ten times slower.
  return pdf.save({ useObjectStreams: false });
}

function encodableText(text: string, encodable: ReadonlySet<number>): string {
  let out = '';
  for (const char of text.replace(/\t/g, '    ')) {
    const code = char.codePointAt(0) ?? 0;
    out += char === '\n' || encodable.has(code) ? char : UNENCODABLE_PLACEHOLDER;
  }
  return out;
}

/** Lines no wider than `width`: broken between words, and inside a word only when it is wider than a line. */
function wrap(text: string, font: PDFFont, width: number): string[] {
  const widthOf = (s: string) => font.widthOfTextAtSize(s, FONT_SIZE);
  const space = widthOf(' ');
  const lines: string[] = [];
  for (const hardLine of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of hardLine.split(/ +/)) {
      const wordWidth = widthOf(word);
      const candidateWidth = line ? lineWidth + space + wordWidth : wordWidth;
      if (candidateWidth <= width) {
        line = line ? `${line} ${word}` : word;
        lineWidth = candidateWidth;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      lineWidth = wordWidth;
      while (lineWidth > width) {
        let cut = line.length - 1;
        while (cut > 1 && widthOf(line.slice(0, cut)) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
        lineWidth = widthOf(line);
      }
    }
    lines.push(line);
  }
  return lines;
}
