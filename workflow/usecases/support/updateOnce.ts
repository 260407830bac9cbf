import { VersionConflict } from '../../errors';
import { patchLanded } from './sameValue';
import type { EntityStore, NewItem, Versioned } from '../../ports/store';

/**
 * An update with the ETag that tells "our own write landed" from "someone else changed it":
 * a write can commit and still answer 503; its retry then meets 412. If the item now holds
 * exactly what we wrote, that is success; otherwise the VersionConflict stands.
 */
export async function updateOnce<T extends { id: string }, K extends keyof T>(
  store: EntityStore<T, K>,
  id: string,
  patch: Partial<NewItem<T>>,
  etag: string,
): Promise<Versioned<T>> {
  try {
    return await store.update(id, patch, etag);
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    const latest = await store.get(id);
    if (latest && patchLanded(patch, latest)) return latest;
    throw error;
  }
}
