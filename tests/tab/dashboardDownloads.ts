import ExcelJS from 'exceljs';
import type request from 'supertest';

/** Collects a download's bytes whatever its type (supertest leaves binary bodies unparsed otherwise). */
export const bytes = (res: request.Response, callback: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (error: Error) => callback(error, Buffer.alloc(0)));
};

/** RFC 4180 CSV back into rows of cells (quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

export type SheetCell = string | number | boolean | null;

/** Every sheet of a workbook as rows of plain values, with its frozen rows and its columns' number formats and widths. */
export async function readWorkbook(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: SheetCell[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values: SheetCell[] = [];
      for (let c = 1; c <= sheet.columnCount; c += 1) {
        const v = row.getCell(c).value;
        values.push(v === undefined || v === null ? null : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : v);
      }
      rows.push(values);
    });
    const frozen = (sheet.views ?? []).find((v) => v.state === 'frozen') as { ySplit?: number } | undefined;
    return {
      name: sheet.name,
      rows,
      frozenRows: frozen?.ySplit ?? 0,
      headerBold: sheet.getRow(1).getCell(1).font?.bold === true,
      numFmt: (column: number, row = 2) => sheet.getRow(row).getCell(column).numFmt,
      width: (column: number) => sheet.getColumn(column).width,
    };
  });
}
