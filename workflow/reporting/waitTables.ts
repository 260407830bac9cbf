import type { FigureTable } from './figureTable';
import { percentOf } from './numbers';
import { nothingToCount } from './shareTable';
import { waitBands, type Waits } from './timeliness';

function waitTable(id: string, title: string, description: string, w: Waits, withoutLabel: string): FigureTable {
  return {
    id,
    title,
    description: `${description} Median ${w.median} days, mean ${w.mean} days, over ${w.count} case${w.count === 1 ? '' : 's'}.${w.count + w.without === 0 ? nothingToCount('cases referred') : ''}`,
    columns: [
      { key: 'band', label: 'Days', kind: 'text' },
      { key: 'count', label: 'Cases', kind: 'count' },
      { key: 'percent', label: '% of cases with a date', kind: 'percent' },
    ],
    rows: [
      ...waitBands.map((b) => ({ band: b.label, count: w.bands[b.key], percent: percentOf(w.bands[b.key], w.count) })),
      { band: withoutLabel, count: w.without, percent: null },
    ],
    total: { band: 'Cases referred in the period', count: w.count + w.without, percent: null },
    chart: { kind: 'bar', label: 'band', series: ['count'] },
  };
}

export const firstVisitTable = (w: Waits): FigureTable =>
  waitTable(
    'days-to-first-visit',
    'Days from referral to first visit',
    'For cases referred in the period: calendar days from the referral to the first observation or home visit (or Teams call) recorded.',
    w,
    'No visit recorded yet',
  );

export const contractTable = (w: Waits): FigureTable =>
  waitTable(
    'days-to-contract',
    'Days from referral to an agreed contract',
    'For cases referred in the period: calendar days from the referral to the day the first contract was approved.',
    w,
    'No contract approved yet',
  );
