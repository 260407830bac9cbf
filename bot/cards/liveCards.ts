import type { Notification, Staff, WorkflowDeps } from '../../workflow';
import type { AdaptiveCardJson } from './card';
import { visitCardFor } from './forms/checkInForm';
import { contractCardFor } from './forms/contractDecision';
import { contractSubject } from './views/contractApprovalCard';
import { notificationCard } from './views/notificationCard';

/**
 * Cards that show something which can change after they were sent (a contract awaiting approval,
 * a check-in awaiting its check-out):
 * the bot keeps where each copy is and redraws it, for the person whose chat holds it, when its
 * subject changes. Subjects are `<kind>:<id>`.
 */
export async function liveCard(deps: WorkflowDeps, viewer: Staff, subject: string): Promise<AdaptiveCardJson | undefined> {
  const [kind, id] = subject.split(':', 2);
  if (kind === 'contract' && id) return contractCardFor({ deps, actor: viewer }, id);
  if (kind === 'visit' && id) return visitCardFor({ deps, actor: viewer }, id);
  return undefined;
}

/**
 * The card a notification is sent as. A contract awaiting approval goes to each approver as the
 * contract's own live card (Approve / Request changes in place); everything else as a
 * notification card with the action to take.
 */
export async function notificationMessage(deps: WorkflowDeps, notification: Notification): Promise<{ card: AdaptiveCardJson; live?: string }> {
  if (notification.kind === 'contract-awaiting-approval') {
    const [recipient] = await deps.stores.staff.find({ userId: notification.recipientId });
    const contracts = await deps.stores.contracts.find({ caseId: notification.caseId });
    const newest = [...contracts].sort((a, b) => b.version - a.version)[0];
    if (recipient && newest) {
      const live = contractSubject(newest.id);
      const card = await liveCard(deps, recipient, live);
      if (card) return { card, live };
    }
  }
  if (notification.kind === 'contract-decided') {
    const told = await parentsToTell(deps, notification.caseId);
    return { card: notificationCard({ ...notification, ...(told ? { parentsTold: told } : {}) }) };
  }
  return { card: notificationCard(notification) };
}

/**
 * The contract just approved, when the parents are still to be told of it: the case's newest
 * version is the one in force (a version sent back for changes is newer than the one in force).
 */
async function parentsToTell(deps: WorkflowDeps, caseId: string): Promise<{ contractId: string; requestKey: string } | undefined> {
  const c = await deps.stores.cases.get(caseId);
  const newest = [...(await deps.stores.contracts.find({ caseId }))].sort((a, b) => b.version - a.version)[0];
  if (!c || !newest || c.contractInForce?.contractId !== newest.id || newest.parentsInformedAt) return undefined;
  return { contractId: newest.id, requestKey: deps.ids.randomCode(16) };
}
