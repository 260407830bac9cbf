import type { Case } from '../../model/case';
import type { Role } from '../../model/staff';
import type { NotificationKind } from '../../ports/services';
import { hasRole } from '../../rules/access';
import type { WorkflowDeps } from '../deps';

/** Everyone active holding one of the roles, plus any extra people named. */
export async function staffWithRole(deps: WorkflowDeps, roles: Role[], extra: string[] = []): Promise<string[]> {
  const active = await deps.stores.staff.find({ active: true });
  const ids = active.filter((s) => hasRole(s, ...roles)).map((s) => s.userId);
  return [...new Set([...ids, ...extra])];
}

/** `about` names the event (a contract, a record...): with kind and recipient it makes the notification's key. */
export async function notifyAll(
  deps: WorkflowDeps,
  kind: NotificationKind,
  c: Pick<Case, 'id' | 'reference'>,
  summary: string,
  recipients: string[],
  about: string,
  /** A meeting the notice is about (a review booked by an approval): its card opens it. */
  meetingId?: string,
): Promise<void> {
  for (const recipientId of recipients) {
    await deps.notifier.notify({ kind, recipientId, caseId: c.id, caseReference: c.reference, summary, key: `${kind}:${about}:${recipientId}`, ...(meetingId ? { meetingId } : {}) });
  }
}

export async function notifyManagers(
  deps: WorkflowDeps,
  kind: NotificationKind,
  c: Pick<Case, 'id' | 'reference'>,
  summary: string,
  about: string,
  extra: string[] = [],
): Promise<void> {
  await notifyAll(deps, kind, c, summary, await staffWithRole(deps, ['manager'], extra), about);
}
