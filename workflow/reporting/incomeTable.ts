import { fromHundredths } from '../packages/units';
import type { FigureRow, FigureTable } from './figureTable';
import type { IncomeByPackage } from './income';
import type { Names } from './names';
import { nothingToCount } from './shareTable';

const yearKey = (financialYear: string): string => `fy${financialYear.replace('-', '')}`;

/**
 * Income by package for each financial year the period touches (whole years: purchases are made
 * per financial year), and the hours beyond what was bought at that year's consultancy rate.
 */
export function incomeTable(income: IncomeByPackage, overrunPence: ReadonlyMap<string, number>, years: readonly string[], names: Names): FigureTable {
  const rowOf = (name: string, pence: (year: string) => number): { row: FigureRow; total: number } => {
    const row: FigureRow = { name };
    let total = 0;
    for (const y of years) {
      row[yearKey(y)] = fromHundredths(pence(y));
      total += pence(y);
    }
    row.total = fromHundredths(total);
    return { row, total };
  };
  const rows = [...income.entries()]
    .map(([code, byYear]) => rowOf(names.package(code), (y) => byYear.get(y) ?? 0))
    .sort((a, b) => String(a.row.name).localeCompare(String(b.row.name)));
  const overrunTotal = years.reduce((a, y) => a + (overrunPence.get(y) ?? 0), 0);
  if (overrunTotal > 0) rows.push(rowOf('Hours beyond what was bought (consultancy rate)', (y) => overrunPence.get(y) ?? 0));
  const yearTotal = (y: string): number => [...income.values()].reduce((a, m) => a + (m.get(y) ?? 0), 0) + (overrunPence.get(y) ?? 0);
  const total = rowOf('Total', yearTotal);
  return {
    id: 'income-by-package',
    title: 'Income by package',
    description:
      `What schools' purchases cost, in pounds, for each whole financial year (April to March) the period touches, and the hours delivered in the period beyond what was bought, at that year's consultancy rate.${total.total === 0 ? nothingToCount('purchases') : ''}`,
    columns: [
      { key: 'name', label: 'Package', kind: 'text' },
      ...years.map((y) => ({ key: yearKey(y), label: `Financial year ${y}`, kind: 'money' as const })),
      { key: 'total', label: 'Total', kind: 'money' },
    ],
    rows: rows.map((r) => r.row),
    total: total.row,
    chart: { kind: years.length > 1 ? 'stacked-bar' : 'bar', label: 'name', series: years.map(yearKey) },
  };
}
