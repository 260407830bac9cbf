import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ColumnKind } from '../../contract/dashboard';
import { cellsOf, type Cell, type ExportTable } from './exportTable';

/** How each kind of column reads in Excel. Percentages are stored as fractions (12.5 becomes 0.125, shown 12.5%). */
const numberFormats: Record<ColumnKind, string | undefined> = {
  text: undefined,
  count: '#,##0',
  percent: '0.0%',
  hours: '#,##0.00',
  money: '"£"#,##0.00',
  days: '#,##0.0',
};

/** A sheet's name: Excel allows 31 characters and none of []:*?/\. */
export const sheetName = (id: string, taken: ReadonlySet<string>): string => {
  const base = id.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 31 - String(n).length - 1)}-${n}`;
  return name;
};

const cellValue = (kind: ColumnKind, value: Cell): string | number | null => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return kind === 'percent' ? value / 100 : value;
  // Text is written as text (never as a formula): exceljs makes a formula only of { formula } values.
  return value;
};

/**
 * The tables as an Excel workbook, streamed to `out` (exceljs's WorkbookWriter: each row goes out
 * as it is written). One sheet per table, its header row bold and frozen, number formats per
 * column kind, widths from the content; a last sheet says what each table counts.
 */
export async function writeXlsx(out: Writable, tables: readonly ExportTable[], workbookTitle: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Outreach Cases';
  workbook.title = workbookTitle;
  const taken = new Set<string>();
  const names: string[] = [];
  for (const table of tables) {
    const name = sheetName(table.id, taken);
    taken.add(name.toLowerCase());
    names.push(name);
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const { header, rows, total } = cellsOf(table);
    sheet.columns = table.columns.map((column, index) => ({
      header: header[index] ?? column.label,
      key: column.key,
      width: widthOf(column.label, rows.map((r) => r[index]), column.kind),
      ...(numberFormats[column.kind] ? { style: { numFmt: numberFormats[column.kind] } } : {}),
    }));
    const head = sheet.getRow(1);
    head.font = { bold: true };
    head.commit();
    const add = (cells: Cell[], bold = false) => {
      const row = sheet.addRow(table.columns.map((column, index) => cellValue(column.kind, cells[index])));
      if (bold) row.font = { bold: true };
      row.commit();
    };
    for (const cells of rows) add(cells);
    if (total) add(total, true);
    sheet.commit();
  }
  const about = workbook.addWorksheet(sheetName('about', taken));
  about.columns = [
    { header: 'Sheet', key: 'sheet', width: 28 },
    { header: 'Table', key: 'title', width: 40 },
    { header: 'What it counts', key: 'description', width: 100 },
  ];
  const aboutHead = about.getRow(1);
  aboutHead.font = { bold: true };
  aboutHead.commit();
  tables.forEach((table, index) => about.addRow({ sheet: names[index], title: table.title, description: table.description }).commit());
  about.commit();
  await workbook.commit();
}

/** A column wide enough for its label and its longest value (as shown), within reason. */
function widthOf(label: string, values: readonly Cell[], kind: ColumnKind): number {
  const shown = values.map((v) => (v === null || v === undefined ? 0 : typeof v === 'number' ? v.toFixed(2).length + (kind === 'money' ? 4 : 2) : v.length));
  return Math.min(60, Math.max(10, label.length + 2, ...shown.map((n) => n + 2)));
}
