import type { ChartSpec, FigureTable } from './figureTable';
import { percentOf } from './numbers';

export interface ShareRow {
  readonly label: string;
  readonly count: number;
}

/** Said under a table with nothing to count, so an empty chart is not read as a broken one. */
export const nothingToCount = (what: string): string => ` There are no ${what} in this period.`;

/**
 * A table of counts and their share of `whole` (each row's percentage of it, so rows that
 * overlap, like SEND and Pupil Premium, each read against all pupils).
 */
export function shareTable(spec: {
  id: string;
  title: string;
  description: string;
  category: string;
  rows: readonly ShareRow[];
  whole: number;
  /** What `whole` counts, plural ("pupils", "closed cases"): named when there are none. */
  wholeWords: string;
  chart?: ChartSpec['kind'];
  /** Add a totals row (only when the rows do not overlap). */
  totalled?: boolean;
}): FigureTable {
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description + (spec.whole === 0 ? nothingToCount(spec.wholeWords) : ''),
    columns: [
      { key: 'category', label: spec.category, kind: 'text' },
      { key: 'count', label: 'Number', kind: 'count' },
      { key: 'percent', label: `% of ${spec.wholeWords}`, kind: 'percent' },
    ],
    rows: spec.rows.map((r) => ({ category: r.label, count: r.count, percent: percentOf(r.count, spec.whole) })),
    ...(spec.totalled ? { total: { category: 'Total', count: spec.whole, percent: spec.whole === 0 ? 0 : 100 } } : {}),
    ...(spec.chart ? { chart: { kind: spec.chart, label: 'category', series: ['count'] } } : {}),
  };
}
