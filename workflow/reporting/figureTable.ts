/**
 * The shape of the manager's figures, as the tab's contract (tab/contract/dashboard.ts) reads
 * them. workflow/ may not import tab/, so the same shape is written here; a test checks the two
 * stay assignable.
 */
export type ColumnKind = 'text' | 'count' | 'percent' | 'hours' | 'money' | 'days';

export interface FigureColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

export type Cell = string | number | null;
export type FigureRow = Record<string, Cell>;

export interface ChartSpec {
  kind: 'bar' | 'stacked-bar' | 'horizontal-bar' | 'doughnut' | 'line';
  /** The column holding the category labels. */
  label: string;
  /** The number columns drawn. */
  series: string[];
}

export interface FigureTable {
  /** Stable, lower-case with dashes: the export's `table` parameter and the sheet's name. */
  id: string;
  title: string;
  /** One sentence saying what is counted and how. */
  description: string;
  columns: FigureColumn[];
  rows: FigureRow[];
  total?: FigureRow;
  chart?: ChartSpec;
}

export interface Headline {
  id: string;
  label: string;
  value: number;
  kind: ColumnKind;
  note?: string;
}

export interface FigureOption {
  value: string;
  label: string;
}

export interface Figures {
  period: { label: string; from: string; to: string };
  options: { years: FigureOption[]; schools: FigureOption[]; workers: FigureOption[]; packages: FigureOption[] };
  headlines: Headline[];
  tables: FigureTable[];
  /** When the figures were worked out (an ISO instant). */
  computedAt: string;
}
