import { approversOf, hasRole, listed, type ApprovalSubject, type Staff } from '../../../workflow';
import type { CardContext } from '../card';

/** Who may approve a contract (rule "Separation of duties"), with the lines the cards show about them. */
export interface ContractApprovers {
  /** Display names of everyone who may approve it, never its author. */
  names: string[];
  /** "Awaiting approval by ...", or that no one else may approve it and whom to ask. */
  status: string;
  /** For someone who may not decide: why not, and whom to ask. */
  prompt: (actor: Staff) => string;
}

const joinNames = (names: string[]): string => listed(names, 'or');

export async function contractApprovers(ctx: CardContext, contract: ApprovalSubject): Promise<ContractApprovers> {
  const approvers = approversOf(contract, await ctx.deps.stores.staff.list());
  const names = approvers.map((s) => s.displayName);
  const managers = approvers.filter((s) => hasRole(s, 'manager')).map((s) => s.displayName);
  const named = approvers.filter((s) => !hasRole(s, 'manager')).map((s) => s.displayName);
  const by = [...(managers.length > 0 ? [`a manager (${joinNames(managers)})`] : []), ...named];
  const ask = names.length > 0 ? `Ask ${joinNames(names)}.` : 'No one else may approve it now: ask the administrator to make another member of staff an active manager.';
  return {
    names,
    status: names.length > 0 ? `Awaiting approval by ${joinNames(by)}` : 'Awaiting approval, but no one else may approve it',
    prompt: (actor) =>
      actor.userId === contract.createdBy ? `You drafted this contract, so you cannot approve it (rule: Separation of duties). ${ask}` : `Only a manager or a named approver can decide on it. ${ask}`,
  };
}

/**
 * For the draft form: who will be able to approve, given the author; when the author is the only
 * active manager, that they must name someone.
 */
export async function draftApprovalNote(ctx: CardContext): Promise<string> {
  const managers = (await ctx.deps.stores.staff.find({ active: true })).filter((s) => hasRole(s, 'manager') && s.userId !== ctx.actor.userId).map((s) => s.displayName);
  if (managers.length === 0) {
    return 'You cannot approve a contract you drafted, and there is no other active manager: name at least one active member of staff below to approve it.';
  }
  return `You cannot approve a contract you drafted: ${joinNames(managers.sort((a, b) => a.localeCompare(b)))} can, and anyone you name below.`;
}
