import type { Case } from '../../model/case';
import type { Staff } from '../../model/staff';
import type { Versioned } from '../../ports/store';
import type { Result } from '../../result';
import type { WorkflowDeps } from '../deps';
import { audit } from './audit';
import { changeCase, type CaseChange } from './caseAccess';
import { UnitOfWork } from './unitOfWork';

export interface AuditLine {
  action: string;
  /** The action's idempotency key: with the action it keys the audit entry. */
  key: string;
  /** A function when the detail is known only once the change is decided (it is read when the line is written). */
  detail?: Record<string, string> | (() => Record<string, string>);
}

/** The audit line's detail as it stands when the line is written. */
export const detailOf = (line: AuditLine): Record<string, string> | undefined => (typeof line.detail === 'function' ? line.detail() : line.detail);

/**
 * A case change (with its ETag, re-decided on 412) and its audit line, one $batch on Graph: the
 * line is written only once the change landed, never for a change refused when decided again.
 * `c` is the case as just read (the read comes before the unit, so each write is one request).
 */
export async function changeCaseAudited(
  deps: WorkflowDeps,
  actor: Staff,
  c: Versioned<Case>,
  decide: (current: Versioned<Case>) => Result<CaseChange>,
  line: AuditLine,
  /** Further writes made once the change landed, in the same $batch (a job the change queues). */
  alongside: readonly { name: string; write: () => Promise<unknown> }[] = [],
): Promise<Result<Versioned<Case>>> {
  // Decided on the case as read before the unit: its writes start together, so a change refused without a
  // request would not hold its audit line back. Only a re-decision after a 412 refuses inside the unit.
  const decided = decide(c);
  if (!decided.ok) return decided;
  const work = new UnitOfWork(deps.batching, `${c.id}:${line.action}:${line.key}`);
  const changed = work.add('case', () => changeCase(deps, actor, c.id, decide, c));
  work.add('audit', () => audit(deps, actor, line.action, c.id, line.key, detailOf(line)), ['case']);
  for (const write of alongside) work.add(write.name, write.write, ['case']);
  await work.flush();
  return changed();
}
