import { z } from 'zod';
import { updateOnce } from '../support/updateOnce';
import { VersionConflict, workflowError } from '../../errors';
import { readableDate, readableTime } from '../../calendar';
import type { Contract } from '../../model/contract';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import { openCaseRule } from '../../rules/closing';
import { approverRule } from '../../rules/separationOfDuties';
import type { UseCase, WorkflowDeps } from '../deps';
import { audit } from '../support/audit';
import { changeCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { notifyAll } from '../support/notify';
import { now } from '../support/time';
import { progressOf } from '../support/progressOf';

export const DecideContractInput = z.discriminatedUnion('decision', [
  z.object({ contractId: z.string().min(1), decision: z.literal('approve') }),
  z.object({ contractId: z.string().min(1), decision: z.literal('request-changes'), reason: z.string().trim().min(1, 'say what needs to change') }),
]);

/**
 * Step 7, approval: a manager (or a named approver), never the contract's author, approves the contract, which then takes
 * effect, or requests changes with a reason, which returns it to the worker. Decided once:
 * a second decision (another approver, a stale card) is told who decided and when.
 */
export const decideContract: UseCase<unknown, Versioned<Contract>> = async (deps, actor, raw) => {
  const parsed = parseInput(DecideContractInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  let attempted: Contract['decisions'][number] | undefined;
  for (;;) {
    const contract = await deps.stores.contracts.get(input.contractId);
    if (!contract) return fail(workflowError('NotFound', 'That contract was not found.', { field: 'contractId' }));
    const allowed = approverRule(actor, contract);
    if (!allowed.ok) return allowed;
    // Our decision committed even though the answer was an error (503 after commit, retried into 412).
    const ours = attempted && contract.decisions.some((d) => d.id === attempted?.id);
    if (ours && attempted) return finishDecision(deps, actor, contract, attempted);
    const pending = pendingRule(contract);
    if (!pending.ok) return pending;
    const c = await deps.stores.cases.get(contract.caseId);
    if (!c) return fail(workflowError('NotFound', 'The contract\'s case was not found.'));
    const open = openCaseRule(c);
    if (!open.ok) return open;

    const stamp = now(deps);
    const decision = {
      id: deps.ids.randomCode(10),
      by: actor.userId,
      at: stamp.at,
      outcome: input.decision === 'approve' ? ('approved' as const) : ('changes-requested' as const),
      ...(input.decision === 'request-changes' ? { reason: input.reason } : {}),
    };
    let decided: Versioned<Contract>;
    try {
      decided = await deps.stores.contracts.update(
        contract.id,
        { status: decision.outcome, decisions: [...contract.decisions, decision], updatedBy: actor.userId, updatedAt: stamp.at },
        contract.etag,
      );
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      attempted = decision; // someone else decided or edited, or our write landed: look again
      continue;
    }
    return finishDecision(deps, actor, decided, decision);
  }
};

/** After the decision is stored: an approved contract takes effect; the worker is told. */
async function finishDecision(deps: WorkflowDeps, actor: Staff, decided: Versioned<Contract>, decision: Contract['decisions'][number]): Promise<Result<Versioned<Contract>>> {
  const c = await deps.stores.cases.get(decided.caseId);
  if (!c) return fail(workflowError('NotFound', 'The contract\'s case was not found.'));
  if (decision.outcome === 'approved') {
    const inForce = await putInForce(deps, actor, decided);
    if (!inForce.ok) return inForce;
  }
  const worker = c.workerId ?? decided.createdBy;
  // The next action from the case as the decision left it (an approval put the contract in force).
  const next = (await progressOf(deps, (await deps.stores.cases.get(decided.caseId)) ?? c)).nextAction;
  const summary =
    decision.outcome === 'approved'
      ? `Contract version ${decided.version} for case ${c.reference} was approved. Support can begin on ${readableDate(decided.startDate)}. Next: ${next}.`
      : `Contract version ${decided.version} for case ${c.reference} needs changes: ${(decision.reason ?? '').replace(/[.\s]+$/, '')}. Next: ${next}.`;
  await notifyAll(deps, 'contract-decided', c, summary, [worker], `${decided.id}:${decision.id}`);
  await deps.channel.post({
    kind: 'contract-decided',
    caseId: c.id,
    caseReference: c.reference,
    text: `Contract version ${decided.version} for case ${c.reference} ${decision.outcome === 'approved' ? 'approved' : 'returned for changes'} by ${actor.displayName}.`,
    key: `contract-decided:${decided.id}:${decision.id}`,
  });
  await audit(deps, actor, `contract.${decision.outcome}`, c.id, decided.id, { contractId: decided.id, version: String(decided.version) });
  return ok(decided);
}

function pendingRule(contract: Contract): Result<void> {
  if (contract.status === 'awaiting-approval') return ok(undefined);
  const last = contract.decisions.at(-1);
  const what = last ? `${last.outcome === 'approved' ? 'approved' : 'returned for changes'} at ${readableTime(last.at)} on ${readableDate(last.at)}` : contract.status;
  return fail(workflowError('AlreadyDone', `This contract was already ${what}.`, { rule: 'Contract' }));
}

/** The approved contract replaces any earlier one (which stays on file as superseded). */
async function putInForce(deps: WorkflowDeps, actor: Staff, contract: Versioned<Contract>): Promise<Result<void>> {
  const earlier = (await deps.stores.contracts.find({ caseId: contract.caseId, status: 'approved' })).filter((k) => k.id !== contract.id);
  const stamp = now(deps);
  for (const old of earlier) {
    await updateOnce(deps.stores.contracts, old.id, { status: 'superseded', updatedBy: actor.userId, updatedAt: stamp.at }, old.etag);
  }
  const changed = await changeCase(deps, systemAsApprover(actor), contract.caseId, () =>
    ok({
      contractInForce: {
        contractId: contract.id,
        version: contract.version,
        startDate: contract.startDate,
        reviewDate: contract.reviewDate,
        supportEnds: contract.supportEnds,
      },
    }),
  );
  return changed.ok ? ok(undefined) : changed;
}

/** A named approver may not have the case on their caseload; approving still updates it. */
const systemAsApprover = (actor: Staff): Staff => ({ ...actor, roles: [...new Set([...actor.roles, 'manager' as const])] });
