import { mayApprove, type CaseView, type Contract, type WorkflowError } from '../../../workflow';
import type { AdaptiveCardJson, CardContext } from '../card';
import { headingOf } from '../caseHeading';
import { showDate, showInstant } from '../format';
import { submitVerb, viewVerbs } from '../forms/formNames';
import { composeCard, type Fact } from '../outcomes';
import { staffNames } from '../staffNames';
import actionsTemplate from '../templates/contractDecisionActions.json';
import detailsTemplate from '../templates/contractApproval.json';
import { expandFragment } from '../template';
import { contractApprovers } from './contractApprovers';
import { contractPackageTitles } from './contractPackages';

/** The verb that answers the contract's card for whoever asks: the approval card's `refresh` action. */
export const contractViewVerb = viewVerbs.viewContract;

/** What a live copy of a contract's card is kept under: when the contract is decided, every copy is redrawn. */
export const contractSubject = (contractId: string): string => `contract:${contractId}`;

/** The Action.Execute that shows a contract's card afresh (for `refresh.action`: add `userIds` beside it). */
export const contractViewAction = (contractId: string) => ({ type: 'Action.Execute', verb: contractViewVerb, data: { contractId } }) as const;

/**
 * What the card needs to know about the case: a full CaseView will do. A named approver who does
 * not hold the case gets one without the child (the heading then names the school only).
 */
export type ContractCaseView = Pick<CaseView, 'case' | 'child' | 'school' | 'progress'>;

export interface ContractCardOptions {
  /** Whether the decision buttons show. Default: the actor may decide (a manager or a named approver, not the author). */
  mayDecide?: boolean;
  /** A banner above the contract (a decision that broke a rule or missed its reason). */
  problem?: Pick<WorkflowError, 'message' | 'rule' | 'field'>;
  /** A line under the status, e.g. "already approved: nothing was recorded twice". */
  notice?: { text: string; tone: 'good' | 'warning' };
  /** What was typed in the reason, shown again in "Request changes". */
  reason?: string;
}

/**
 * The Outreach Contract for approval: its terms, who drafted it and when, and its status. While
 * it awaits approval, a person who may decide gets "Approve" and "Request changes" (a reason
 * required); anyone else, and everyone once it is decided, sees the status only, no buttons.
 * Pure of bot concerns: it only reads staff names and purchases, so the same card serves the
 * first send, `contract.view` and a `refresh` with `userIds`.
 */
export async function contractApprovalCard(ctx: CardContext, view: ContractCaseView, contract: Contract & { id: string }, options: ContractCardOptions = {}): Promise<AdaptiveCardJson> {
  const nameOf = await staffNames(ctx);
  const pending = contract.status === 'awaiting-approval';
  const live = pending && (options.mayDecide ?? mayApprove(ctx.actor, contract));
  const approvers = await contractApprovers(ctx, contract);
  const packages = await contractPackageTitles(ctx, contract.purchaseIds);
  const named = contract.namedApprovers.map((id) => nameOf(id));
  const facts: Fact[] = [
    { title: 'Support offered', value: contract.support },
    { title: packages.length === 1 ? 'Package' : 'Packages', value: packages.join('; ') },
    { title: 'Starts', value: showDate(contract.startDate) },
    { title: 'Support ends', value: `${showDate(contract.supportEnds)} (at most 6 school weeks)` },
    { title: 'Review by', value: showDate(contract.reviewDate) },
    { title: 'Drafted', value: `by ${nameOf(contract.createdBy)}, ${showInstant(contract.createdAt)}` },
    { title: 'Named approvers', value: named.join(', ') },
  ].filter((f) => f.value !== '');
  const status = contractStatus(contract, nameOf, approvers.status);
  const details = expandFragment(detailsTemplate, {
    title: `Outreach Contract, version ${contract.version}`,
    targets: contract.targets.map((t) => ({ line: `• ${t}` })),
    facts,
    status: status.text,
    statusColour: status.colour,
    notice: options.notice?.text ?? '',
    noticeColour: options.notice?.tone === 'good' ? 'Good' : 'Warning',
    prompt: pending ? (live ? 'Approve it, or request changes saying what needs to change. It takes effect only when approved.' : approvers.prompt(ctx.actor)) : '',
  });
  const heading = headingOf(view);
  const actions = live
    ? expandFragment<unknown[]>(actionsTemplate, { verb: submitVerb('contract-decision'), caseId: contract.caseId, contractId: contract.id, reason: options.reason ?? '' })
    : [];
  return composeCard({ heading, ...(options.problem ? { problem: options.problem } : {}), body: [details], actions });
}

/** The status line: awaiting whom (`awaiting`, from contractApprovers), or who decided, when (and the reason for changes). */
export function contractStatus(contract: Contract, nameOf: (userId: string | undefined) => string, awaiting: string): { text: string; colour: string } {
  const last = contract.decisions.at(-1);
  const decided = last ? decisionLine(last, nameOf) : '';
  switch (contract.status) {
    case 'awaiting-approval':
      return { text: awaiting, colour: 'Warning' };
    case 'approved':
      return { text: decided, colour: 'Good' };
    case 'changes-requested':
      return { text: decided, colour: 'Attention' };
    case 'superseded':
      return { text: `Superseded by a later version${decided ? `. ${decided}` : ''}`, colour: 'Default' };
    case 'ended':
      return { text: `Ended${decided ? `. ${decided}` : ''}`, colour: 'Default' };
    case 'withdrawn':
      return { text: `Withdrawn by ${nameOf(contract.updatedBy)}, ${showInstant(contract.updatedAt)}: a later version replaced it before a decision`, colour: 'Default' };
  }
}

/** "Approved by <name>, <when>" or "Changes requested by <name>, <when>: <reason>". */
export function decisionLine(decision: Contract['decisions'][number], nameOf: (userId: string | undefined) => string): string {
  const who = `by ${nameOf(decision.by)}, ${showInstant(decision.at)}`;
  return decision.outcome === 'approved' ? `Approved ${who}` : `Changes requested ${who}: ${decision.reason ?? ''}`;
}
