import type { ConversationReference } from '../../model/conversation';
import type { Versioned } from '../../ports/store';
import { VersionConflict } from '../../errors';
import type { WorkflowDeps } from '../deps';
import { sameValue } from '../support/sameValue';
import { now } from '../support/time';

const ATTEMPTS = 3;

/** Keeps the newest conversation reference of a member of staff (on install and on every message). */
export async function rememberConversation(
  deps: Pick<WorkflowDeps, 'stores' | 'clock'>,
  userId: string,
  teamsUserId: string,
  reference: Record<string, unknown>,
): Promise<Versioned<ConversationReference>> {
  const updatedAt = now(deps).at;
  for (let attempt = 1; ; attempt++) {
    const [existing] = await deps.stores.conversations.find({ userId });
    if (!existing) {
      const { item } = await deps.stores.conversations.create({ userId, teamsUserId, reference, updatedAt, stale: false }, `conversation:${userId}`);
      if (attempt >= ATTEMPTS || (item.teamsUserId === teamsUserId && sameValue(item.reference, reference))) return item;
      continue; // someone else's create won: update it with ours
    }
    // The same chat as last time (most messages): nothing to write.
    if (!existing.stale && existing.teamsUserId === teamsUserId && sameValue(existing.reference, reference)) return existing;
    try {
      return await deps.stores.conversations.update(existing.id, { teamsUserId, reference, updatedAt, stale: false, staleSince: undefined }, existing.etag);
    } catch (error) {
      if (!(error instanceof VersionConflict) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** Teams said 403/404 for this reference: mark it so the person is reached by mail until they write again. */
export async function markConversationStale(deps: Pick<WorkflowDeps, 'stores' | 'clock'>, userId: string): Promise<void> {
  const [existing] = await deps.stores.conversations.find({ userId });
  if (!existing || existing.stale) return;
  try {
    await deps.stores.conversations.update(existing.id, { stale: true, staleSince: now(deps).at }, existing.etag);
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error; // a newer reference arrived meanwhile: it is not stale
  }
}
