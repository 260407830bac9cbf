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
import { changeCase, loadCase, type CaseChange } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { updateOnce } from '../support/updateOnce';
import { UnitOfWork } from '../support/unitOfWork';
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
  const idempotencyKey = `contract:${caseId}:${requestKey}`;
  // The case, the draft this request may have made already, and the case's contracts: one round trip.
  const [loaded, earlier, existing] = await Promise.all([
    loadCase(deps, actor, caseId),
    deps.stores.contracts.findByKey(idempotencyKey),
    deps.stores.contracts.find({ caseId }),
  ]);
  if (!loaded.ok) return loaded;
  const c = loaded.value;

  // A repeat (double click, Teams retry, a retry after a 503 that came after the write committed)
  // is told by its request key before any rule: the contract it made is now pending, which is not
  // a reason to refuse it. The follow-ups run again, so any the first attempt did not reach happen.
  if (earlier) {
    const work = new UnitOfWork(deps.batching, idempotencyKey);
    const drawn = drawOn(work, deps, actor, c, earlier.purchaseIds, earlier.version, idempotencyKey, []);
    await work.flush();
    return afterDraft(deps, c, earlier, false, drawn());
  }

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

  const pending = existing.find((k) => k.status === 'awaiting-approval');
  if (pending && !replace) {
    const how = `To send this one instead, choose "Replace version ${pending.version}": version ${pending.version} is then withdrawn.`;
    return fail(workflowError('InvalidState', `Contract version ${pending.version} for ${c.reference} is already awaiting approval. ${how}`, { rule: 'Contract', field: 'replace' }));
  }
  const version = Math.max(0, ...existing.map((k) => k.version)) + 1;
  // The withdrawal (with its ETag), the draft, the case drawing on its packages and the audit lines: one $batch on Graph.
  const work = new UnitOfWork(deps.batching, idempotencyKey);
  const withdrawn = pending ? withdraw(work, deps, actor, pending) : undefined;
  const saved = work.add(
    'contract',
    () =>
      deps.stores.contracts.create(
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
      ),
    pending ? ['withdraw'] : [],
  );
  const drawn = drawOn(work, deps, actor, c, terms.purchaseIds, version, idempotencyKey, ['contract']);
  await work.flush();
  const gone = withdrawn?.();
  if (gone && !gone.ok) return gone;
  const { item: contract, created } = saved();
  const drafted = await afterDraft(deps, c, contract, created, drawn());
  return drafted.ok && gone ? ok({ ...drafted.value, withdrawn: gone.value }) : drafted;
};

/** Plans the withdrawal of the draft awaiting approval, unless someone decided it meanwhile (then nothing is drafted). */
function withdraw(work: UnitOfWork, deps: WorkflowDeps, actor: Staff, pending: Versioned<Contract>): () => Result<Versioned<Contract>> {
  const stamp = now(deps);
  const withdrawn = work.add('withdraw', async (): Promise<Result<Versioned<Contract>>> => {
    try {
      return ok(await updateOnce(deps.stores.contracts, pending.id, { status: 'withdrawn', updatedBy: actor.userId, updatedAt: stamp.at }, pending.etag));
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      return fail(workflowError('ConcurrentChange', `Contract version ${pending.version} was decided or changed while you drafted: open the case to see it; nothing was drafted.`, { rule: 'Contract' }));
    }
  });
  work.add('withdraw-audit', () => audit(deps, actor, 'contract.withdrawn', pending.caseId, pending.id, { contractId: pending.id, version: String(pending.version) }), ['withdraw']);
  return withdrawn;
}

/**
 * Plans the case drawing on the draft's packages (a write only when one is new to the case), then
 * the draft's audit line, named by the request's key (the contract's id is the server's to give).
 */
function drawOn(
  work: UnitOfWork,
  deps: WorkflowDeps,
  actor: Staff,
  c: Versioned<Case>,
  purchaseIdsDrawn: readonly string[],
  version: number,
  idempotencyKey: string,
  after: readonly string[],
): () => Result<Versioned<Case>> {
  const draw = (latest: Case): Result<CaseChange> => {
    const purchaseIds = [...new Set([...latest.purchaseIds, ...purchaseIdsDrawn])];
    return ok(purchaseIds.length === latest.purchaseIds.length ? {} : { purchaseIds });
  };
  const drawn = work.add('case', () => changeCase(deps, actor, c.id, draw, c), after);
  work.add('audit', () => audit(deps, actor, 'contract.drafted', c.id, idempotencyKey, { contractKey: idempotencyKey, version: String(version) }), [...after, 'case']);
  return drawn;
}

/** After the draft is stored: its approvers (the managers and named approvers, never its author) are told. Idempotent, so a repeat runs it again safely. */
async function afterDraft(deps: WorkflowDeps, c: Versioned<Case>, contract: Versioned<Contract>, created: boolean, drawn: Result<Versioned<Case>>): Promise<Result<Drafted>> {
  if (!drawn.ok) return drawn;
  if (contract.status === 'awaiting-approval') {
    const summary = `Contract version ${contract.version} for case ${c.reference} is awaiting your approval.`;
    const approvers = approversOf(contract, await deps.stores.staff.find({ active: true }));
    await notifyAll(deps, 'contract-awaiting-approval', c, summary, approvers.map((s) => s.userId), contract.id);
  }
  return ok({ contract, repeated: !created });
}
