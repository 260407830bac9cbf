import type { FigureTable } from '../../contract/dashboard';

/** What an export writes: a figures table (the invoicing list is written as one too). */
export type ExportTable = Pick<FigureTable, 'id' | 'title' | 'description' | 'columns' | 'rows' | 'total'>;
export type Cell = string | number | null | undefined;

/** The cells of a table, in its columns' order: the header, the rows, and the totals row when there is one. */
export function cellsOf(table: ExportTable): { header: string[]; rows: Cell[][]; total?: Cell[] } {
  const line = (row: Record<string, Cell>): Cell[] => table.columns.map((c) => row[c.key]);
  return {
    header: table.columns.map((c) => c.label),
    rows: table.rows.map(line),
    ...(table.total ? { total: line(table.total) } : {}),
  };
}
