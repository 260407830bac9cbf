import { inflateSync } from 'node:zlib';

/** WinAnsi's 0x80–0x9F (the rest of the range is Latin-1). */
const winAnsiHigh: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};
const winAnsi = (bytes: Buffer): string => [...bytes].map((b) => winAnsiHigh[b] ?? String.fromCharCode(b)).join('');

/**
 * The text a PDF shows, one string per text-showing operator (`Tj`, and the strings of `TJ`), read
 * from its content streams (inflated when compressed). Enough to read back a PDF with simple fonts
 * (the emulator's); not a general PDF text extractor (no CID fonts, no positioning).
 */
export function pdfTextLines(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf);
  const text = raw.toString('latin1');
  const lines: string[] = [];
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    const data = raw.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(data).toString('latin1');
    } catch {
      content = data.toString('latin1');
    }
    for (const op of content.matchAll(/(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ/g)) {
      const strings = op[1] ? [op[1]] : [...(op[2] ?? '').matchAll(/<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)/g)].map((m) => m[0]);
      lines.push(strings.map(pdfString).join(''));
    }
  }
  return lines;
}

/** The PDF's text as one string, lines joined by spaces and runs of white space made one. */
export const pdfText = (pdf: Uint8Array): string => pdfTextLines(pdf).join(' ').replace(/\s+/g, ' ').trim();

function pdfString(token: string): string {
  if (token.startsWith('<')) return winAnsi(Buffer.from(token.slice(1, -1).replace(/\s/g, ''), 'hex'));
  const body = token.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_w, e: string) => {
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return simple[e] ?? String.fromCharCode(parseInt(e, 8));
  });
  return winAnsi(Buffer.from(body, 'latin1'));
}
