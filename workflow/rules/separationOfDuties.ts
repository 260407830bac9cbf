import { workflowError } from '../errors';
import type { Contract } from '../model/contract';
import type { Staff } from '../model/staff';
import { fail, ok, type Result } from '../result';
import { hasRole } from './access';

const rule = 'Separation of duties';

/** What the rule needs of a contract: who drafted it and whom they named. */
export type ApprovalSubject = Pick<Contract, 'createdBy' | 'namedApprovers'>;

/**
 * Rule "Separation of duties": the author of a contract never approves it; its approvers are the
 * active managers and the active staff the author named.
 */
export const mayApprove = (actor: Staff, contract: ApprovalSubject): boolean =>
  actor.active && actor.userId !== contract.createdBy && (hasRole(actor, 'manager') || contract.namedApprovers.includes(actor.userId));

/** Everyone on the Staff list who may approve the contract, by name. */
export const approversOf = (contract: ApprovalSubject, staff: readonly Staff[]): Staff[] =>
  staff.filter((s) => mayApprove(s, contract)).sort((a, b) => a.displayName.localeCompare(b.displayName));

/** The decision on a contract: refused to its author and to anyone not an approver. */
export function approverRule(actor: Staff, contract: ApprovalSubject): Result<void> {
  if (mayApprove(actor, contract)) return ok(undefined);
  if (actor.userId === contract.createdBy) {
    return fail(workflowError('SeparationOfDuties', 'You drafted this contract, so someone else must approve it: a manager or an approver you named.', { rule }));
  }
  return fail(workflowError('RoleRequired', 'Only a manager or a named approver can decide on a contract.', { rule }));
}

/**
 * The approvers an author names when drafting: never the author, only active staff, and at least
 * one person besides the author must be able to approve (the author may be the only manager).
 */
export function namedApproversRule(author: Staff, namedApprovers: readonly string[], staff: readonly Staff[]): Result<void> {
  const field = 'namedApprovers';
  if (namedApprovers.includes(author.userId)) {
    return fail(workflowError('SeparationOfDuties', 'You cannot name yourself as an approver of your own contract.', { rule, field }));
  }
  for (const id of namedApprovers) {
    const member = staff.find((s) => s.userId === id);
    if (!member) return fail(workflowError('SeparationOfDuties', 'A named approver is not on the Staff list: name active members of staff only.', { rule, field }));
    if (!member.active) return fail(workflowError('SeparationOfDuties', `${member.displayName} is not active on the Staff list: name active members of staff only.`, { rule, field }));
  }
  if (approversOf({ createdBy: author.userId, namedApprovers: [...namedApprovers] }, staff).length === 0) {
    return fail(
      workflowError('SeparationOfDuties', 'No one else may approve this contract: there is no other active manager. Name an active member of staff to approve it.', { rule, field }),
    );
  }
  return ok(undefined);
}
