import type { School } from '../../model/school';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import { ok, type Result } from '../../result';
import { hasRole } from '../../rules/access';
import type { WorkflowDeps } from '../deps';

/** The schools, by name (for the referral form). */
export async function listSchools(deps: WorkflowDeps): Promise<Result<Versioned<School>[]>> {
  const schools = await deps.stores.schools.list();
  return ok(schools.sort((a, b) => a.name.localeCompare(b.name)));
}

/** Active outreach workers, by name (for allocation and reallocation). */
export async function listWorkers(deps: WorkflowDeps): Promise<Result<Versioned<Staff>[]>> {
  const staff = await deps.stores.staff.find({ active: true });
  return ok(staff.filter((s) => hasRole(s, 'worker')).sort((a, b) => a.displayName.localeCompare(b.displayName)));
}

/** Finds a case by its reference (the bot's "case OC-26-ABCDE"); access is checked when it is opened. */
export async function caseIdByReference(deps: WorkflowDeps, reference: string): Promise<string | undefined> {
  const [found] = await deps.stores.cases.find({ reference: reference.trim().toUpperCase() });
  return found?.id;
}
