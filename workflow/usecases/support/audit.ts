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
