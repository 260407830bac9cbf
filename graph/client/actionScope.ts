import { AsyncLocalStorage } from 'node:async_hooks';

/** A list item as one user action last saw it (read or written). */
export interface SeenItem {
  etag: string;
  payload: unknown;
}

/** A query this action asked: its filter (on the record's fields) and the ids it answered, once answered. */
export interface SeenQuery {
  filter: Record<string, unknown>;
  ids: Promise<string[]>;
}

/** What one action has seen of SharePoint, by list: items by id, reads in flight, queries, items it created. */
export interface ActionScope {
  items: Map<string, SeenItem>;
  reading: Map<string, Promise<unknown>>;
  queries: Map<string, SeenQuery>;
  created: Map<string, Set<string>>;
  /** The action has finished: work it started that is still running reads SharePoint afresh. */
  finished: boolean;
}

const actions = new AsyncLocalStorage<ActionScope>();

/**
 * Runs one user action (a card click, a message): within it, an item or a query it has already
 * read is not read again, and what it wrote shows in what it reads (the case a submit just saved,
 * with its new record, is what its follow-up card shows). Two reads of the same thing started at
 * once are one request. Writes still carry the ETag, so nothing seen here overwrites a newer change.
 */
export async function inOneAction<T>(run: () => Promise<T>): Promise<T> {
  const scope: ActionScope = { items: new Map(), reading: new Map(), queries: new Map(), created: new Map(), finished: false };
  try {
    return await actions.run(scope, run);
  } finally {
    scope.finished = true;
  }
}

/** What the current action has seen; undefined outside an action, or once it has finished. */
export function currentAction(): ActionScope | undefined {
  const scope = actions.getStore();
  return scope?.finished ? undefined : scope;
}
