import type { Writable } from 'node:stream';
import { cellsOf, type Cell, type ExportTable } from './exportTable';

/** Excel reads a CSV as UTF-8 (names in any script) only when it starts with the byte order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * One cell, RFC 4180: quoted when it holds a comma, a quote or a line break (quotes doubled).
 * Text a spreadsheet would run as a formula (starting = + - @, a tab or a carriage return) is
 * prefixed with ' so it stays text. Numbers are written as numbers.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export const csvLine = (cells: readonly Cell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * The tables as CSV, written line by line to `out` (waiting when it is full). One table: its header
 * and rows. Several: each under its title, a blank line between them.
 */
export async function writeCsv(out: Writable, tables: readonly ExportTable[]): Promise<void> {
  await write(out, UTF8_BOM);
  for (const [index, table] of tables.entries()) {
    const { header, rows, total } = cellsOf(table);
    if (tables.length > 1) await write(out, `${index > 0 ? '\r\n' : ''}${csvLine([table.title])}`);
    await write(out, csvLine(header));
    for (const row of rows) await write(out, csvLine(row));
    if (total) await write(out, csvLine(total));
  }
}

async function write(out: Writable, text: string): Promise<void> {
  if (out.write(text, 'utf8')) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', drained);
      out.off('error', done);
      out.off('close', closed);
      if (error) reject(error);
      else resolve();
    };
    const drained = () => done();
    const closed = () => done(new Error('the download was closed before it was written'));
    out.once('drain', drained).once('error', done).once('close', closed);
  });
}
