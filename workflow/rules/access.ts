import { workflowError } from '../errors';
import type { Case } from '../model/case';
import type { Role, Staff } from '../model/staff';
import { fail, ok, type Result } from '../result';

export const hasRole = (actor: Staff, ...roles: Role[]): boolean => actor.active && roles.some((r) => actor.roles.includes(r));

export function requireRole(actor: Staff, roles: Role[], action: string): Result<void> {
  if (hasRole(actor, ...roles)) return ok(undefined);
  return fail(workflowError('RoleRequired', `Only ${roles.join(' or ')} staff can ${action}.`, { rule: 'Roles' }));
}

/** Managers and admins see every case. */
export const seesAllCases = (actor: Staff): boolean => hasRole(actor, 'manager', 'admin');

/**
 * Privacy: a worker sees and acts on their own caseload; managers and admins on all cases; the
 * DSL reads any case with a safeguarding concern and acts on the concern (`dslAccessRule`).
 */
export function caseAccessRule(actor: Staff, c: Case): Result<void> {
  if (!actor.active) return fail(workflowError('RoleRequired', 'Your account is not active on the Staff list.', { rule: 'Roles' }));
  if (seesAllCases(actor)) return ok(undefined);
  if (hasRole(actor, 'worker') && c.workerId === actor.userId) return ok(undefined);
  return fail(workflowError('NotYourCase', `Case ${c.reference} is not on your caseload.`, { rule: 'Privacy' }));
}

/**
 * Privacy, the DSL: any case with a safeguarding concern can be opened, and the concern acted on
 * (addenda, chronology, further concerns), by the DSL without the case being on their caseload.
 * Nothing else: the case's steps stay with its worker and the managers.
 */
export function dslAccessRule(actor: Staff, c: Case, hasConcern: boolean): Result<void> {
  if (hasRole(actor, 'dsl') && hasConcern) return ok(undefined);
  return fail(workflowError('NotYourCase', `Case ${c.reference} is not on your caseload.`, { rule: 'Privacy' }));
}
