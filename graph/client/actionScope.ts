import { AsyncLocalStorage } from 'node:async_hooks';

/** A list item as one user action last saw it (read or written), by list and id. */
export interface SeenItem {
  etag: string;
  payload: unknown;
}

const actions = new AsyncLocalStorage<Map<string, SeenItem>>();

/**
 * Runs one user action (a card click, a message): within it, an item it has already read or
 * written is not read again (the case a submit just saved is the case its follow-up card shows).
 * Writes still carry the ETag, so nothing seen here can overwrite a newer change.
 */
export function inOneAction<T>(run: () => Promise<T>): Promise<T> {
  return actions.run(new Map(), run);
}

/** What the current action has seen of items; undefined outside an action. */
export function seenInThisAction(): Map<string, SeenItem> | undefined {
  return actions.getStore();
}
