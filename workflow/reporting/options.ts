import { academicYearOf } from '../calendar/years';
import type { FigureOption, Figures } from './figureTable';
import { academicYearsBetween } from './period';
import type { ReportInput } from './scope';

const byLabel = (a: FigureOption, b: FigureOption): number => a.label.localeCompare(b.label);

/** The filters' choices: academic years in which a case was open (latest first), schools, workers, packages. */
export function figureOptions(input: Pick<ReportInput, 'history' | 'schools' | 'staff' | 'priceLists' | 'today'>): Figures['options'] {
  const years = new Set<string>();
  for (const c of input.history.cases) {
    const end = c.closure?.on ?? (input.today > c.referralDate ? input.today : c.referralDate);
    for (const y of academicYearsBetween(c.referralDate, end)) years.add(y);
  }
  if (years.size === 0) years.add(academicYearOf(input.today));

  const workerIds = new Set(input.history.cases.flatMap((c) => (c.workerId ? [c.workerId] : [])));
  const workers = input.staff.filter((s) => (s.active && s.roles.includes('worker')) || workerIds.has(s.userId));

  const packages = new Map<string, string>();
  for (const list of [...input.priceLists].sort((a, b) => a.financialYear.localeCompare(b.financialYear))) {
    for (const item of list.items) packages.set(item.code, item.name);
  }
  return {
    years: [...years].sort().reverse().map((y) => ({ value: y, label: y })),
    schools: input.schools.map((s) => ({ value: s.id, label: s.name })).sort(byLabel),
    workers: workers.map((s) => ({ value: s.userId, label: s.displayName })).sort(byLabel),
    packages: [...packages.entries()].map(([value, label]) => ({ value, label })).sort(byLabel),
  };
}
