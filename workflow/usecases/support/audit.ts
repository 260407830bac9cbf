import type { Staff } from '../../model/staff';
import type { WorkflowDeps } from '../deps';
import { now } from './time';

/** Appends who did what to the audit log. `detail` holds ids and codes only, never personal data. */
export async function audit(
  deps: WorkflowDeps,
  actor: Staff,
  action: string,
  caseId: string | undefined,
  key: string,
  detail: Record<string, string> = {},
): Promise<void> {
  const { at } = now(deps);
  await deps.audit.append({ at, actorId: actor.userId, action, ...(caseId ? { caseId } : {}), detail }, `${action}:${key}`);
}

/**
 * A read of a case (opened, or listed with the child's name). Every read is its own entry: the
 * key holds the case, the reader, the instant and a code drawn for this read, so two reads in the
 * same millisecond are two entries, and only a retry of the same append is kept once.
 */
export async function auditRead(
  deps: WorkflowDeps,
  actor: Staff,
  action: 'case.read' | 'case.listed',
  caseId: string,
  detail: Record<string, string> = {},
): Promise<void> {
  const { at } = now(deps);
  await deps.audit.append({ at, actorId: actor.userId, action, caseId, detail }, `${action}:${caseId}:${actor.userId}:${at}:${deps.ids.randomCode(8)}`);
}
