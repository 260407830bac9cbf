import { VersionConflict, workflowError } from '../../errors';
import type { Case } from '../../model/case';
import type { CaseRecord } from '../../model/records';
import type { Staff } from '../../model/staff';
import { caseProgress } from '../../process/caseProgress';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import { caseAccessRule, dslAccessRule } from '../../rules/access';
import type { WorkflowDeps } from '../deps';
import { patchLanded } from './sameValue';
import { now } from './time';

/**
 * What the actor comes to the case for: `caseload` work (its steps), or `safeguarding` (reading it,
 * or acting on a concern), which the DSL may do on any case with a concern.
 */
export type CasePurpose = 'caseload' | 'safeguarding';

export interface OpenedCase {
  case: Versioned<Case>;
  /** Reached as the DSL, through a safeguarding concern, not through the caseload. */
  asDsl: boolean;
}

/**
 * A case the actor may reach for this purpose, and how they reach it. The DSL may reach a case
 * through a concern, which its records show: they are read with the case (one round trip), or
 * `records` is the read of them the caller has already started.
 */
export async function openCase(
  deps: WorkflowDeps,
  actor: Staff,
  caseId: string,
  purpose: CasePurpose,
  records?: Promise<readonly CaseRecord[]>,
  /** The case, when the caller has already asked for it. */
  caseRead?: Promise<Versioned<Case> | undefined>,
): Promise<Result<OpenedCase>> {
  const mayBeDsl = purpose === 'safeguarding' && actor.roles.includes('dsl');
  const [found, read] = await Promise.all([caseRead ?? deps.stores.cases.get(caseId), mayBeDsl ? (records ?? deps.stores.records.find({ caseId })) : undefined]);
  if (!found) return fail(workflowError('NotFound', 'That case was not found.', { field: 'caseId' }));
  const access = caseAccessRule(actor, found);
  if (access.ok) return ok({ case: found, asDsl: false });
  if (!mayBeDsl || !read) return access;
  const dsl = dslAccessRule(actor, found, read.some((r) => r.caseId === found.id && r.safeguarding));
  return dsl.ok ? ok({ case: found, asDsl: true }) : dsl;
}

/** Loads a case the actor may act on (workers: own caseload only; the DSL: concerns, for `safeguarding`). */
export async function loadCase(deps: WorkflowDeps, actor: Staff, caseId: string, purpose: CasePurpose = 'caseload'): Promise<Result<Versioned<Case>>> {
  const opened = await openCase(deps, actor, caseId, purpose);
  return opened.ok ? ok(opened.value.case) : opened;
}

export type CaseChange = Partial<Omit<Case, 'id' | 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt' | 'step'>>;

const MAX_ATTEMPTS = 4;

/**
 * Changes a case under optimistic concurrency: read, decide, write with the ETag; when someone
 * else changed it meanwhile, read again and decide again (the rules see the newest state), so
 * nothing is silently overwritten. `decide` returns the change, or an error.
 */
export async function changeCase(
  deps: WorkflowDeps,
  actor: Staff,
  caseId: string,
  decide: (current: Versioned<Case>) => Result<CaseChange>,
  /** The case as the caller just read it, to save a read on the first attempt. */
  alreadyRead?: Versioned<Case>,
): Promise<Result<Versioned<Case>>> {
  let attempted: Record<string, unknown> | undefined;
  for (let attempt = 1; ; attempt++) {
    const loaded = attempt === 1 && alreadyRead ? ok(alreadyRead) : await loadCase(deps, actor, caseId);
    if (!loaded.ok) return loaded;
    // A write can commit and still answer with an error (a 503 after the commit, then a retry
    // that meets 412): when the newest state is exactly what we wrote, our change landed.
    if (attempted && patchLanded(attempted, loaded.value)) return ok(loaded.value);
    const change = decide(loaded.value);
    if (!change.ok) return change;
    if (Object.keys(change.value).length === 0) return ok(loaded.value);
    const next = { ...loaded.value, ...change.value };
    const stamp = now(deps);
    // The step kept for list views: contracts only change step 7's wording, not the step.
    const patch = { ...change.value, step: caseProgress(next, [], stamp.today).step, updatedBy: actor.userId, updatedAt: stamp.at };
    try {
      return ok(await deps.stores.cases.update(caseId, patch, loaded.value.etag));
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      attempted = patch;
      if (attempt >= MAX_ATTEMPTS) {
        return fail(workflowError('ConcurrentChange', `Case ${loaded.value.reference} is being changed by someone else right now. Try again.`, { rule: 'Attribution' }));
      }
    }
  }
}
