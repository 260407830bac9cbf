import { approversOf, caseProgress, decideContract, mayApprove, viewCase, workflowError, type CaseView, type Contract, type Versioned, type WorkflowError } from '../../../workflow';
import type { CardVerb } from '../actions/cardVerb';
import type { AdaptiveCardJson, CardContext, CardResponse } from '../card';
import { headingOf } from '../caseHeading';
import { showDate, todayIn } from '../format';
import { outcomeCard } from '../outcomes';
import { staffNames } from '../staffNames';
import { caseCard } from '../views/caseCard';
import { contractApprovalCard, contractSubject, contractViewAction, contractViewVerb, decisionLine, type ContractCardOptions, type ContractCaseView } from '../views/contractApprovalCard';
import { teamsUserIdsOf } from '../views/refreshUsers';
import { refusal, refusalOutcome } from './caseForm';
import { openVerb, submitVerb } from './formNames';
import type { FormValues } from './formValues';

interface LoadedContract {
  contract: Versioned<Contract>;
  view: ContractCaseView;
  /** The whole case, when the actor may open it (for the follow-up case card). */
  full?: CaseView;
}

/**
 * The contract and its case as this person may see them. A named approver who does not hold the
 * case may still see the contract they were asked to approve, with the case reference and school
 * but not the child.
 */
async function loadContract(ctx: CardContext, data: FormValues): Promise<{ ok: true; value: LoadedContract } | { ok: false; error: WorkflowError }> {
  const contract = await contractFor(ctx, data);
  if (!contract) return { ok: false, error: workflowError('NotFound', 'That contract was not found.', { field: 'contractId' }) };
  const view = await viewCase(ctx.deps, ctx.actor, { caseId: contract.caseId });
  if (view.ok) return { ok: true, value: { contract, view: view.value, full: view.value } };
  if (view.error.code !== 'NotYourCase' || !mayApprove(ctx.actor, contract)) return { ok: false, error: view.error };
  const c = await ctx.deps.stores.cases.get(contract.caseId);
  if (!c) return { ok: false, error: view.error };
  const [school, contracts] = await Promise.all([ctx.deps.stores.schools.get(c.schoolId), ctx.deps.stores.contracts.find({ caseId: c.id })]);
  const progress = caseProgress(c, contracts, todayIn(ctx.deps.clock.now()));
  return { ok: true, value: { contract, view: { case: c, child: undefined, school, progress } } };
}

/** The contract named by the card; from an older case card without one, the case's pending (or latest) contract. */
async function contractFor(ctx: CardContext, data: FormValues): Promise<Versioned<Contract> | undefined> {
  const contractId = data.contractId?.trim() ?? '';
  if (contractId) return ctx.deps.stores.contracts.get(contractId);
  const caseId = data.caseId?.trim() ?? '';
  if (!caseId) return undefined;
  const all = await ctx.deps.stores.contracts.find({ caseId });
  return all.find((k) => k.status === 'awaiting-approval') ?? [...all].sort((a, b) => b.version - a.version)[0];
}

/**
 * The contract's card for this person, as a live copy: while it awaits approval, `refresh.userIds`
 * names the approvers (never the author), so Teams redraws it for each of them (with the buttons) and shows everyone
 * else the status. The handler still checks who may decide: the view is never trusted.
 */
async function liveContractCard(ctx: CardContext, loaded: LoadedContract, options: ContractCardOptions = {}): Promise<AdaptiveCardJson> {
  const card = await contractApprovalCard(ctx, loaded.view, loaded.contract, options);
  if (loaded.contract.status !== 'awaiting-approval') return card;
  const approvers = approversOf(loaded.contract, await ctx.deps.stores.staff.find({ active: true }));
  const userIds = await teamsUserIdsOf(ctx, approvers.map((s) => s.userId));
  return userIds.length > 0 ? { ...card, refresh: { action: contractViewAction(loaded.contract.id), userIds } } : card;
}

/** The contract's card as this person should see it now (to redraw a kept copy). */
export async function contractCardFor(ctx: CardContext, contractId: string): Promise<AdaptiveCardJson> {
  const loaded = await loadContract(ctx, { contractId });
  if (!loaded.ok) return refusal(loaded.error);
  return liveContractCard(ctx, loaded.value);
}

/** `contract-decision.open` and `contract.view` (also the card's refresh): the contract's card for this person. */
async function showContract(ctx: CardContext, data: FormValues): Promise<CardResponse> {
  const loaded = await loadContract(ctx, data);
  if (!loaded.ok) return { card: refusal(loaded.error) };
  return { card: await liveContractCard(ctx, loaded.value), live: contractSubject(loaded.value.contract.id) };
}

/** `contract-decision.submit`: approve, or request changes with a reason; decided once. */
async function decide(ctx: CardContext, data: FormValues): Promise<CardResponse> {
  const contractId = data.contractId ?? '';
  const decision = data.decision ?? '';
  const reason = data.reason ?? '';
  // The card carries the contract's case: the decision then reads contract and case in one round trip.
  const caseId = data.caseId?.trim() || undefined;
  const result = await decideContract(ctx.deps, ctx.actor, decision === 'request-changes' ? { contractId, caseId, decision, reason } : { contractId, caseId, decision });
  const loaded = await loadContract(ctx, { contractId });
  if (!loaded.ok) return { card: refusal(result.ok ? loaded.error : result.error) };
  const { contract, view, full } = loaded.value;
  const followUp = full ? await caseCard(ctx, full) : undefined;
  const live = contractSubject(contract.id);
  const answer = (card: CardResponse['card'], changed = false): CardResponse => ({ card, live, ...(changed ? { changed: [live] } : {}), ...(followUp ? { followUp } : {}) });

  const nameOf = await staffNames(ctx);
  if (result.ok) {
    const decided = result.value.decisions.at(-1);
    const text =
      decided?.outcome === 'approved'
        ? `The contract is in force: support can begin on ${showDate(contract.startDate)}. The worker has been told.`
        : `It has gone back to ${nameOf(view.case.workerId ?? contract.createdBy)} to redraft, and they have been told.`;
    return answer(await contractApprovalCard(ctx, view, contract, { mayDecide: false, notice: { text, tone: 'good' } }), true);
  }
  if (result.error.code === 'AlreadyDone') {
    const last = contract.decisions.at(-1);
    const text = `${last ? `Already decided. ${decisionLine(last, nameOf)}.` : result.error.message} Nothing was recorded twice.`;
    return answer(await contractApprovalCard(ctx, view, contract, { mayDecide: false, notice: { text, tone: 'warning' } }));
  }
  if (result.error.code === 'CaseClosed' || result.error.code === 'NotFound') {
    return { card: outcomeCard(refusalOutcome(result.error), headingOf(view)), ...(followUp ? { followUp } : {}) };
  }
  // A missing reason, an unknown decision, or someone who may not decide: the card again, naming it.
  return answer(await liveContractCard(ctx, loaded.value, { problem: result.error, reason }));
}

/** Step 7, approval: the contract's card with Approve / Request changes for those who may decide. */
export const contractDecisionVerbs: CardVerb[] = [
  { verb: openVerb('contract-decision'), handle: showContract },
  { verb: contractViewVerb, handle: showContract },
  { verb: submitVerb('contract-decision'), handle: decide },
];
