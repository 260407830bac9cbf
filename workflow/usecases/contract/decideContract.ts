import { z } from 'zod';
import { updateOnce } from '../support/updateOnce';
import { VersionConflict, workflowError } from '../../errors';
import { readableDate, readableTime } from '../../calendar';
import type { Case } from '../../model/case';
import type { Contract } from '../../model/contract';
import type { Staff } from '../../model/staff';
import { caseProgress } from '../../process/caseProgress';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import { openCaseRule } from '../../rules/closing';
import { approverRule } from '../../rules/separationOfDuties';
import type { UseCase, WorkflowDeps } from '../deps';
import { audit } from '../support/audit';
import { changeCase } from '../support/caseAccess';
import { parseInput } from '../support/input';
import { notifyAll } from '../support/notify';
import { reviewAtApproval } from '../meetings/reviewAtApproval';
import { now } from '../support/time';
import { UnitOfWork } from '../support/unitOfWork';
import { contractReminderJobs } from '../../jobs/reminders/reminderJobs';
import { fileApprovedContract } from '../documents/contractDocument';

/** The card knows the contract's case: with it, the contract, its case and the case's contracts are read in one round trip. */
const caseOfContract = { caseId: z.string().min(1).optional() };

export const DecideContractInput = z.discriminatedUnion('decision', [
  z.object({ contractId: z.string().min(1), ...caseOfContract, decision: z.literal('approve') }),
  z.object({ contractId: z.string().min(1), ...caseOfContract, decision: z.literal('request-changes'), reason: z.string().trim().min(1, 'say what needs to change') }),
]);
type DecideContractInput = z.infer<typeof DecideContractInput>;
type Decision = Contract['decisions'][number];

/** What a decision is made on: the contract, its case, and all the case's contracts (the contract among them). */
interface DecisionContext {
  contract: Versioned<Contract>;
  c: Versioned<Case>;
  contracts: Versioned<Contract>[];
}

/**
 * Step 7, approval: a manager (or a named approver), never the contract's author, approves the contract, which then takes
 * effect, or requests changes with a reason, which returns it to the worker. Decided once:
 * a second decision (another approver, a stale card) is told who decided and when.
 */
export const decideContract: UseCase<unknown, Versioned<Contract>> = async (deps, actor, raw) => {
  const parsed = parseInput(DecideContractInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  let attempted: Decision | undefined;
  for (;;) {
    const read = await readContext(deps, input);
    if (!read.ok) return read;
    const { contract, c } = read.value;
    const allowed = approverRule(actor, contract);
    if (!allowed.ok) return allowed;
    // Our decision committed even though the answer was an error (503 after commit, retried into 412).
    const ours = attempted && contract.decisions.some((d) => d.id === attempted?.id);
    const landed = ours && attempted ? await finishDecision(deps, actor, read.value, attempted, false) : undefined;
    if (landed && landed !== 'conflict') return landed;
    const pending = pendingRule(contract);
    if (!pending.ok) return pending;
    const open = openCaseRule(c);
    if (!open.ok) return open;

    const stamp = now(deps);
    const decision: Decision = {
      id: deps.ids.randomCode(10),
      by: actor.userId,
      at: stamp.at,
      outcome: input.decision === 'approve' ? ('approved' as const) : ('changes-requested' as const),
      ...(input.decision === 'request-changes' ? { reason: input.reason } : {}),
    };
    const finished = await finishDecision(deps, actor, read.value, decision, true);
    if (finished === 'conflict') {
      attempted = decision; // someone else decided or edited, or our write landed: look again
      continue;
    }
    return finished;
  }
};

/** The contract, its case and the case's contracts: one round trip when the case is known, two otherwise. */
async function readContext(deps: WorkflowDeps, input: DecideContractInput): Promise<Result<DecisionContext>> {
  const notFound = fail(workflowError('NotFound', 'That contract was not found.', { field: 'contractId' }));
  if (input.caseId) {
    const [c, contracts] = await Promise.all([deps.stores.cases.get(input.caseId), deps.stores.contracts.find({ caseId: input.caseId })]);
    const contract = contracts.find((k) => k.id === input.contractId);
    if (c && contract) return ok({ contract, c, contracts });
  }
  const contract = await deps.stores.contracts.get(input.contractId);
  if (!contract) return notFound;
  const [c, contracts] = await Promise.all([deps.stores.cases.get(contract.caseId), deps.stores.contracts.find({ caseId: contract.caseId })]);
  if (!c) return fail(workflowError('NotFound', 'The contract\'s case was not found.'));
  return ok({ contract, c, contracts: contracts.map((k) => (k.id === contract.id ? contract : k)) });
}

/**
 * The decision stored (unless `write` is false: it already was), an approved contract put in force
 * (any earlier one superseded, the case updated with its ETag) and the audit line: one $batch on
 * Graph. Then the worker and the channel are told. 'conflict': the contract changed since it was read.
 */
async function finishDecision(
  deps: WorkflowDeps,
  actor: Staff,
  { contract, c, contracts }: DecisionContext,
  decision: Decision,
  write: boolean,
): Promise<Result<Versioned<Contract>> | 'conflict'> {
  const stamp = now(deps);
  const work = new UnitOfWork(deps.batching, `${contract.id}:${decision.id}`);
  const stored = write
    ? work.add('decision', async (): Promise<Result<Versioned<Contract>>> => {
        try {
          const patch = { status: decision.outcome, decisions: [...contract.decisions, decision], updatedBy: actor.userId, updatedAt: stamp.at };
          return ok(await deps.stores.contracts.update(contract.id, patch, contract.etag));
        } catch (error) {
          if (!(error instanceof VersionConflict)) throw error;
          return fail(workflowError('ConcurrentChange', 'The contract changed while it was decided.', { rule: 'Contract' }));
        }
      })
    : () => ok(contract);
  const decisionWrite = write ? ['decision'] : [];
  const approved = decision.outcome === 'approved';
  // The approved contract replaces any earlier one (which stays on file as superseded).
  const earlier = approved ? contracts.filter((k) => k.status === 'approved' && k.id !== contract.id) : [];
  for (const old of earlier) {
    work.add(`supersede:${old.id}`, () => updateOnce(deps.stores.contracts, old.id, { status: 'superseded', updatedBy: actor.userId, updatedAt: stamp.at }, old.etag), decisionWrite);
  }
  const inForce = approved
    ? work.add(
        'case',
        () =>
          changeCase(
            deps,
            systemAsApprover(actor),
            c.id,
            () =>
              ok({
                contractInForce: {
                  contractId: contract.id,
                  version: contract.version,
                  startDate: contract.startDate,
                  reviewDate: contract.reviewDate,
                  supportEnds: contract.supportEnds,
                },
              }),
            c,
          ),
        decisionWrite,
      )
    : () => ok(c);
  // The review-due and six-weeks-ending reminders of the contract now in force, with the approval's own writes.
  const reminders = approved ? contractReminderJobs({ id: c.id, contractInForce: { contractId: contract.id, version: contract.version, startDate: contract.startDate, reviewDate: contract.reviewDate, supportEnds: contract.supportEnds } }, stamp.at) : [];
  for (const reminder of reminders) work.add(`job:${reminder.key}`, () => deps.jobs.enqueue(reminder.job, reminder.key), ['case']);
  work.add(
    'audit',
    () => audit(deps, actor, `contract.${decision.outcome}`, c.id, contract.id, { contractId: contract.id, version: String(contract.version) }),
    approved ? ['case'] : decisionWrite,
  );
  await work.flush();
  const decided = stored();
  if (!decided.ok) return decided.error.code === 'ConcurrentChange' ? 'conflict' : decided;
  const caseNow = inForce();
  if (!caseNow.ok) return caseNow;
  // The approved contract filed as its version's document; a template that cannot be used leaves the approval standing and says so.
  const document = approved ? await fileApprovedContract(deps, actor, caseNow.value, decided.value) : undefined;
  await tellDecision(deps, actor, caseNow.value, decided.value, decision, contracts.map((k) => (k.id === contract.id ? decided.value : earlier.includes(k) ? { ...k, status: 'superseded' as const } : k)), document);
  return ok(decided.value);
}

/** The worker is told with the next action from the case as the decision left it; the channel gets a line. */
async function tellDecision(
  deps: WorkflowDeps,
  actor: Staff,
  c: Versioned<Case>,
  decided: Contract,
  decision: Decision,
  contractsNow: Contract[],
  document?: Result<unknown>,
): Promise<void> {
  const worker = c.workerId ?? decided.createdBy;
  const next = caseProgress(c, contractsNow, now(deps).today).nextAction;
  const review = decision.outcome === 'approved' ? await reviewAtApproval(deps, systemAsApprover(actor), c, decided) : undefined;
  const summary =
    decision.outcome === 'approved'
      ? `Contract version ${decided.version} for case ${c.reference} was approved. Support can begin on ${readableDate(decided.startDate)}. Next: ${next}. ${review?.said ?? ''}`.trim()
      : `Contract version ${decided.version} for case ${c.reference} needs changes: ${(decision.reason ?? '').replace(/[.\s]+$/, '')}. Next: ${next}.`;
  // The document itself opens from the case card; only a contract that could not be written up is news here.
  const filed = document && !document.ok ? ` The contract document was not made: ${document.error.message}` : '';
  await notifyAll(deps, 'contract-decided', c, `${summary}${filed}`, [worker], `${decided.id}:${decision.id}`, review?.meetingId);
  await deps.channel.post({
    kind: 'contract-decided',
    caseId: c.id,
    caseReference: c.reference,
    text: `Contract version ${decided.version} for case ${c.reference} ${decision.outcome === 'approved' ? 'approved' : 'returned for changes'} by ${actor.displayName}.`,
    key: `contract-decided:${decided.id}:${decision.id}`,
  });
}

function pendingRule(contract: Contract): Result<void> {
  if (contract.status === 'awaiting-approval') return ok(undefined);
  const last = contract.decisions.at(-1);
  const what = last ? `${last.outcome === 'approved' ? 'approved' : 'returned for changes'} at ${readableTime(last.at)} on ${readableDate(last.at)}` : contract.status;
  return fail(workflowError('AlreadyDone', `This contract was already ${what}.`, { rule: 'Contract' }));
}

/** A named approver may not have the case on their caseload; approving still updates it. */
const systemAsApprover = (actor: Staff): Staff => ({ ...actor, roles: [...new Set([...actor.roles, 'manager' as const])] });
