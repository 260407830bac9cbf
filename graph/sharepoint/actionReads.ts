import type { NewItem, Versioned } from '../../workflow';
import { currentAction, type ActionScope } from '../client/actionScope';

const itemKey = (list: string, id: string): string => `${list}#${id}`;

/**
 * One list's reads within the current user action (see actionScope.ts): an item or query already
 * read is answered from what the action saw, writes included; outside an action, every read goes
 * to SharePoint.
 */
export class ActionReads<T extends { id: string }> {
  constructor(private readonly list: string) {}

  async get(id: string, read: () => Promise<Versioned<T> | undefined>): Promise<Versioned<T> | undefined> {
    const scope = currentAction();
    if (!scope) return read();
    const key = itemKey(this.list, id);
    if (!scope.items.has(key)) {
      // A read of the same item already on its way (two parts of one action asking at once): wait for it.
      const reading = scope.reading.get(key) ?? read().finally(() => scope.reading.delete(key));
      scope.reading.set(key, reading);
      await reading;
    }
    return this.seenItem(scope, id);
  }

  async find(filter: Record<string, unknown>, query: () => Promise<Versioned<T>[]>): Promise<Versioned<T>[]> {
    const scope = currentAction();
    if (!scope) return query();
    const key = `${this.list}?${JSON.stringify(Object.entries(filter).sort(([a], [b]) => a.localeCompare(b)))}`;
    let seen = scope.queries.get(key);
    if (!seen) {
      const ids = query().then((items) => items.map((i) => i.id));
      seen = { filter, ids };
      scope.queries.set(key, seen);
      ids.catch(() => scope.queries.delete(key));
    }
    const answered = await seen.ids;
    // What the query answered, as the action last saw each item, and the items it created since that match.
    const created = [...(scope.created.get(this.list) ?? [])].filter((id) => !answered.includes(id));
    return [...answered, ...created].flatMap((id) => {
      const item = this.seenItem(scope, id);
      return item && matches(item, filter) ? [item] : [];
    });
  }

  /** The item as read or written just now. */
  saw(id: string, etag: string, payload: NewItem<T>, created = false): void {
    const scope = currentAction();
    if (!scope) return;
    scope.items.set(itemKey(this.list, id), { etag, payload: structuredClone(payload) });
    if (created) scope.created.set(this.list, (scope.created.get(this.list) ?? new Set()).add(id));
  }

  /** Someone else changed or removed it: the next reads of it, and of this list's queries, go to SharePoint. */
  forget(id: string): void {
    const scope = currentAction();
    if (!scope) return;
    scope.items.delete(itemKey(this.list, id));
    for (const key of [...scope.queries.keys()]) if (key.startsWith(`${this.list}?`)) scope.queries.delete(key);
  }

  private seenItem(scope: ActionScope, id: string): Versioned<T> | undefined {
    const seen = scope.items.get(itemKey(this.list, id));
    return seen && ({ ...structuredClone(seen.payload as NewItem<T>), id, etag: seen.etag } as unknown as Versioned<T>);
  }
}

const matches = (item: object, filter: Record<string, unknown>): boolean =>
  Object.entries(filter).every(([field, value]) => value === undefined || (item as Record<string, unknown>)[field] === value);
