import type { Staff } from '../../model/staff';
import { ok, type Result } from '../../result';
import type { WorkflowDeps } from '../deps';
import { openCase } from '../support/caseAccess';

/**
 * Whether the actor may open the case (as viewCase would let them: their caseload, every case for
 * managers, a case with a concern for the DSL), without reading it as the case page does: nothing
 * is audited. NotFound or NotYourCase otherwise. Within one action, the reads are the ones the
 * case's view makes next, so they cost nothing more.
 */
export async function mayOpenCase(deps: WorkflowDeps, actor: Staff, caseId: string): Promise<Result<{ asDsl: boolean }>> {
  const opened = await openCase(deps, actor, caseId, 'safeguarding', actor.roles.includes('dsl') ? deps.stores.records.find({ caseId }) : undefined);
  return opened.ok ? ok({ asDsl: opened.value.asDsl }) : opened;
}
