import { fromHundredths, toHundredths } from '../packages/units';
import type { FigureColumn, FigureTable } from './figureTable';
import type { HoursDelivered, HoursLine } from './hours';
import type { Names } from './names';
import { percentOf } from './numbers';
import { nothingToCount } from './shareTable';

const columns = (first: string): FigureColumn[] => [
  { key: 'name', label: first, kind: 'text' },
  { key: 'bought', label: 'Hours bought', kind: 'hours' },
  { key: 'delivered', label: 'Hours delivered', kind: 'hours' },
  { key: 'overrun', label: 'Of which beyond what was bought', kind: 'hours' },
  { key: 'deliveredPercent', label: 'Delivered as % of bought', kind: 'percent' },
];

const delivered = (l: Omit<HoursLine, 'key'>): number => fromHundredths(toHundredths(l.drawn) + toHundredths(l.overrun));

const row = (name: string, l: Omit<HoursLine, 'key'>) => ({
  name,
  bought: l.bought,
  delivered: delivered(l),
  overrun: l.overrun,
  deliveredPercent: percentOf(delivered(l), l.bought),
});

const bought = (years: readonly string[]): string =>
  `Bought: the purchases of the financial year${years.length > 1 ? 's' : ''} ${years.join(' and ')}. Delivered: time entries and support sessions dated in the period, as the case cards count them (travel only where the price list counts it).`;

export function hoursTables(h: HoursDelivered, names: Names): FigureTable[] {
  const empty = h.totals.bought === 0 && delivered(h.totals) === 0 ? nothingToCount('hours bought or delivered') : '';
  const bySchool = h.bySchool.map((l) => row(names.school(l.key), l)).sort((a, b) => String(a.name).localeCompare(String(b.name)));
  const byPackage = h.byPackage
    .filter((l) => l.key !== 'overrun')
    .map((l) => row(names.package(l.key), l))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  const overrun = h.byPackage.find((l) => l.key === 'overrun');
  if (overrun) byPackage.push(row('Beyond what was bought (invoiced at the consultancy rate)', overrun));
  const total = row('Total', h.totals);
  return [
    {
      id: 'hours-by-school',
      title: 'Hours delivered and bought, by school',
      description: bought(h.financialYears) + empty,
      columns: columns('School'),
      rows: bySchool,
      total,
      chart: { kind: 'bar', label: 'name', series: ['bought', 'delivered'] },
    },
    {
      id: 'hours-by-package',
      title: 'Hours delivered and bought, by package',
      description: `${bought(h.financialYears)} Hours beyond what was bought belong to no package and have their own row.${empty}`,
      columns: columns('Package'),
      rows: byPackage,
      total,
      chart: { kind: 'bar', label: 'name', series: ['bought', 'delivered'] },
    },
  ];
}
