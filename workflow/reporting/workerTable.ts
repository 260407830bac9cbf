import type { Staff } from '../model/staff';
import { fromHundredths, toHundredths } from '../packages/units';
import type { FigureTable } from './figureTable';
import type { Names } from './names';
import type { WorkerLoad } from './workers';

export function workerTable(loads: readonly WorkerLoad[], staff: readonly Staff[], names: Names): FigureTable {
  const capacity = new Map(staff.map((s) => [s.userId, s.capacityHours]));
  const rows = loads
    .map((l) => ({
      name: names.worker(l.workerId),
      openAtEnd: l.openAtEnd,
      opened: l.opened,
      closed: l.closed,
      hoursLeft: l.hoursLeft,
      capacity: l.workerId === undefined ? null : (capacity.get(l.workerId) ?? null),
    }))
    // Workers by name; cases not allocated last.
    .sort((a, b) => Number(a.capacity === null) - Number(b.capacity === null) || a.name.localeCompare(b.name));
  const sum = (k: 'openAtEnd' | 'opened' | 'closed'): number => loads.reduce((a, l) => a + l[k], 0);
  return {
    id: 'cases-by-worker',
    title: 'Cases per worker',
    description:
      "Cases still open when the period ends, referred in it and closed in it, by allocated worker; hours left are the hours bought and not yet used on their open cases' packages, beside the hours a week the Staff list gives them for casework.",
    columns: [
      { key: 'name', label: 'Worker', kind: 'text' },
      { key: 'openAtEnd', label: 'Open at the end', kind: 'count' },
      { key: 'opened', label: 'Referred in the period', kind: 'count' },
      { key: 'closed', label: 'Closed in the period', kind: 'count' },
      { key: 'hoursLeft', label: 'Hours left on open cases', kind: 'hours' },
      { key: 'capacity', label: 'Capacity (hours a week)', kind: 'hours' },
    ],
    rows,
    total: {
      name: 'Total',
      openAtEnd: sum('openAtEnd'),
      opened: sum('opened'),
      closed: sum('closed'),
      hoursLeft: fromHundredths(loads.reduce((a, l) => a + toHundredths(l.hoursLeft), 0)),
      capacity: null,
    },
    chart: { kind: 'stacked-bar', label: 'name', series: ['openAtEnd'] },
  };
}
