import { z } from 'zod';
import { VersionConflict, workflowError } from '../../errors';
import { EntraId } from '../../model/common';
import { ContractTerms, type Contract } from '../../model/contract';
import type { Case } from '../../model/case';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import { contractTermsRule } from '../../rules/contractTerms';
import { openCaseRule } from '../../rules/closing';
import { furtherObservationRule } from '../../rules/furtherObservation';
import { stepsBeforeRule } from '../../rules/order';
import { pausedDays } from '../../rules/pause';
import { approversOf, namedApproversRule } from '../../rules/separationOfDuties';
import type { UseCase, WorkflowDeps } from '../deps';
import { audit } from '../support/audit';
import { calendarForSchoolId } from '../support/calendarFor';
import { changeCase, loadCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { updateOnce } from '../support/updateOnce';
import { notifyAll } from '../support/notify';
import { now } from '../support/time';

export const DraftContractInput = ContractTerms.extend({
  caseId: z.string().min(1),
  requestKey: z.string().min(8),
  namedApprovers: z.array(EntraId).default([]),
  /** Withdraw the draft awaiting approval and send this one instead. */
  replace: z.boolean().default(false),
});

export interface Drafted {
  contract: Versioned<Contract>;
  repeated: boolean;
  /** The draft this one replaced, now withdrawn. */
  withdrawn?: Versioned<Contract>;
}

/**
 * Step 7: the worker drafts the Outreach Contract (targets, support, packages, start, and the
 * review date agreed at the meeting) and it goes to the manager for approval. It takes effect
 * only when approved.
 */
export const draftContract: UseCase<unknown, Drafted> = async (deps, actor, raw) => {
  const parsed = parseInput(DraftContractInput, raw);
  if (!parsed.ok) return parsed;
  const { caseId, requestKey, namedApprovers, replace, ...terms } = parsed.value;
  const loaded = await loadCase(deps, actor, caseId);
  if (!loaded.ok) return loaded;
  const c = loaded.value;
  const idempotencyKey = `contract:${caseId}:${requestKey}`;

  // A repeat (double click, Teams retry, a retry after a 503 that came after the write committed)
  // is told by its request key before any rule: the contract it made is now pending, which is not
  // a reason to refuse it. The follow-ups run again, so any the first attempt did not reach happen.
  const earlier = await deps.stores.contracts.findByKey(idempotencyKey);
  if (earlier) return afterDraft(deps, actor, c, earlier, false);

  for (const rule of [openCaseRule(c), stepsBeforeRule(c, 6), furtherObservationRule(c)]) if (!rule.ok) return rule;
  const separated = namedApproversRule(actor, namedApprovers, await deps.stores.staff.list());
  if (!separated.ok) return separated;

  const purchases = await Promise.all(terms.purchaseIds.map((id) => deps.stores.purchases.get(id)));
  if (purchases.some((p) => !p || p.schoolId !== c.schoolId)) {
    return fail(workflowError('ValidationFailed', 'Choose packages bought by this case\'s school.', { field: 'purchaseIds' }));
  }
  const calendar = await calendarForSchoolId(deps, c.schoolId);
  if (!calendar.ok) return calendar;
  const stamp = now(deps);
  const checked = contractTermsRule(terms, calendar.value, pausedDays(c.pauses, stamp.today));
  if (!checked.ok) return checked;

  const existing = await deps.stores.contracts.find({ caseId });
  const pending = existing.find((k) => k.status === 'awaiting-approval');
  if (pending && !replace) {
    const how = `To send this one instead, choose "Replace version ${pending.version}": version ${pending.version} is then withdrawn.`;
    return fail(workflowError('InvalidState', `Contract version ${pending.version} for ${c.reference} is already awaiting approval. ${how}`, { rule: 'Contract', field: 'replace' }));
  }
  const withdrawn = pending ? await withdraw(deps, actor, pending) : undefined;
  if (withdrawn && !withdrawn.ok) return withdrawn;
  const version = Math.max(0, ...existing.map((k) => k.version)) + 1;
  const { item: contract, created } = await deps.stores.contracts.create(
    {
      ...terms,
      caseId,
      version,
      status: 'awaiting-approval',
      supportEnds: checked.value.supportEnds,
      namedApprovers,
      decisions: [],
      createdBy: actor.userId,
      createdAt: stamp.at,
      updatedBy: actor.userId,
      updatedAt: stamp.at,
    },
    idempotencyKey,
  );
  const drafted = await afterDraft(deps, actor, c, contract, created);
  return drafted.ok && withdrawn ? ok({ ...drafted.value, withdrawn: withdrawn.value }) : drafted;
};

/** The draft awaiting approval is withdrawn, unless someone decided it meanwhile (then nothing is drafted). */
async function withdraw(deps: WorkflowDeps, actor: Staff, pending: Versioned<Contract>): Promise<Result<Versioned<Contract>>> {
  const stamp = now(deps);
  try {
    const withdrawn = await updateOnce(deps.stores.contracts, pending.id, { status: 'withdrawn', updatedBy: actor.userId, updatedAt: stamp.at }, pending.etag);
    await audit(deps, actor, 'contract.withdrawn', pending.caseId, pending.id, { contractId: pending.id, version: String(pending.version) });
    return ok(withdrawn);
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    return fail(workflowError('ConcurrentChange', `Contract version ${pending.version} was decided or changed while you drafted: open the case to see it; nothing was drafted.`, { rule: 'Contract' }));
  }
}

/**
 * The follow-ups of a draft: its packages drawn on by the case, its approvers (the managers and
 * named approvers, never its author) told, the audit line. Each is idempotent, so a repeat runs them again safely.
 */
async function afterDraft(
  deps: WorkflowDeps,
  actor: Staff,
  c: Versioned<Case>,
  contract: Versioned<Contract>,
  created: boolean,
): Promise<Result<Drafted>> {
  const drawn = await changeCase(deps, actor, c.id, (latest) => {
    const purchaseIds = [...new Set([...latest.purchaseIds, ...contract.purchaseIds])];
    return ok(purchaseIds.length === latest.purchaseIds.length ? {} : { purchaseIds });
  });
  if (!drawn.ok) return drawn;
  if (contract.status === 'awaiting-approval') {
    const summary = `Contract version ${contract.version} for case ${c.reference} is awaiting your approval.`;
    const approvers = approversOf(contract, await deps.stores.staff.find({ active: true }));
    await notifyAll(deps, 'contract-awaiting-approval', c, summary, approvers.map((s) => s.userId), contract.id);
  }
  await audit(deps, actor, 'contract.drafted', c.id, contract.id, { contractId: contract.id, version: String(contract.version) });
  return ok({ contract, repeated: !created });
}
