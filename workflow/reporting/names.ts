import type { PriceList } from '../model/priceList';
import type { School } from '../model/school';
import type { Staff } from '../model/staff';

/** The names figures are shown under (ids and codes never reach a table). */
export interface Names {
  school(id: string): string;
  worker(userId: string | undefined): string;
  package(code: string): string;
}

export function namesFrom(schools: readonly School[], staff: readonly Staff[], priceLists: readonly PriceList[]): Names {
  const schoolNames = new Map(schools.map((s) => [s.id, s.name]));
  const staffNames = new Map(staff.map((s) => [s.userId, s.displayName]));
  const packageNames = new Map<string, string>();
  // Later lists win: a renamed package shows under its current name.
  for (const list of [...priceLists].sort((a, b) => a.financialYear.localeCompare(b.financialYear))) {
    for (const item of list.items) packageNames.set(item.code, item.name);
  }
  return {
    school: (id) => schoolNames.get(id) ?? 'A school no longer on the Schools list',
    worker: (id) => (id === undefined ? 'Not allocated' : (staffNames.get(id) ?? 'Someone no longer on the Staff list')),
    package: (code) => packageNames.get(code) ?? code,
  };
}
