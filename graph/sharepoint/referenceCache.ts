import { VersionConflict, type Created, type EntityStore, type NewItem, type Versioned } from '../../workflow';
import type { IndexedField, ListDefinition } from './listDefinitions';

/** What the cache needs of the list under it: the store itself, and a cheap look at every item's version. */
export interface VersionedListStore<T extends { id: string }, Indexed extends keyof T> extends EntityStore<T, Indexed> {
  versions(): Promise<Map<string, string>>;
}

export interface ReferenceCacheTiming {
  /** A change made in SharePoint by hand shows within this long. */
  refreshMs: number;
  /** Milliseconds since the epoch (a settable clock in tests). */
  now: () => number;
}

/**
 * One small reference list (Staff, Schools, Purchases) read once and kept in the app process.
 * The app's own creates and updates go through it (write-through), so they show at once; once per
 * `refreshMs`, a read first compares every item's eTag with SharePoint's (one request, no payloads)
 * and reads the list again only if something was added, changed or removed by hand.
 */
export class ReferenceCache<T extends { id: string }, Indexed extends keyof T> implements EntityStore<T, Indexed> {
  private items: Map<string, Versioned<T>> | undefined;
  private checkedAt = 0;
  private refreshing: Promise<Map<string, Versioned<T>>> | undefined;
  private writtenWhileRefreshing: Map<string, Versioned<T>> | undefined;

  constructor(
    private readonly inner: VersionedListStore<T, Indexed>,
    private readonly definition: ListDefinition,
    private readonly timing: ReferenceCacheTiming,
  ) {}

  async create(item: NewItem<T>, idempotencyKey: string): Promise<Created<T>> {
    const created = await this.inner.create(item, idempotencyKey);
    this.keep(created.item);
    return { item: copy(created.item), created: created.created };
  }

  async get(id: string): Promise<Versioned<T> | undefined> {
    const found = (await this.current()).get(id);
    if (found) return copy(found);
    // Not in the list as last read: added by hand since, or no such item. Asked once, kept if found.
    const read = await this.inner.get(id);
    if (read) this.keep(read);
    return read && copy(read);
  }

  async findByKey(idempotencyKey: string): Promise<Versioned<T> | undefined> {
    // The idempotency key lives in its own column, not in the record: SharePoint answers this one.
    const found = await this.inner.findByKey(idempotencyKey);
    if (found) this.keep(found);
    return found && copy(found);
  }

  async find(filter: Partial<Pick<T, Indexed>>): Promise<Versioned<T>[]> {
    const clauses = Object.entries(filter).filter(([, v]) => v !== undefined);
    const indexes = clauses.map(([field, value]) => ({ index: this.indexedField(field), value }));
    const all = [...(await this.current()).values()];
    return all.filter((item) => indexes.every(({ index, value }) => sameColumnValue(index, (item as Record<string, unknown>)[index.field], value))).map(copy);
  }

  async list(): Promise<Versioned<T>[]> {
    return [...(await this.current()).values()].map(copy);
  }

  async update(id: string, patch: Partial<NewItem<T>>, etag: string): Promise<Versioned<T>> {
    try {
      const saved = await this.inner.update(id, patch, etag);
      this.keep(saved);
      return copy(saved);
    } catch (error) {
      // Someone changed it by hand: the next read looks again instead of waiting for the interval.
      if (error instanceof VersionConflict) this.checkedAt = Number.NEGATIVE_INFINITY;
      throw error;
    }
  }

  /** The list as SharePoint holds it, to within `refreshMs`. */
  private async current(): Promise<Map<string, Versioned<T>>> {
    if (this.items && this.timing.now() - this.checkedAt < this.timing.refreshMs) return this.items;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<Map<string, Versioned<T>>> {
    const startedAt = this.timing.now();
    // The app's own writes made while SharePoint is being read are kept over what that read returns.
    const written = (this.writtenWhileRefreshing = new Map());
    try {
      if (this.items && sameVersions(this.items, await this.inner.versions())) {
        this.checkedAt = startedAt;
        return this.items;
      }
      const read = await this.inner.list();
      this.items = new Map(read.map((item) => [item.id, item]));
      for (const item of written.values()) this.keep(item);
      this.checkedAt = startedAt;
      return this.items;
    } finally {
      this.writtenWhileRefreshing = undefined;
    }
  }

  private keep(item: Versioned<T>): void {
    this.writtenWhileRefreshing?.set(item.id, item);
    if (!this.items) return;
    const last = [...this.items.keys()].at(-1);
    const added = !this.items.has(item.id);
    this.items.set(item.id, copy(item));
    // Kept in SharePoint's order (item id), as a fresh read returns it.
    if (added && last !== undefined && Number(item.id) < Number(last)) {
      this.items = new Map([...this.items.entries()].sort(([a], [b]) => Number(a) - Number(b)));
    }
  }

  private indexedField(field: string): IndexedField {
    const index = this.definition.indexed.find((i) => i.field === field);
    if (!index) throw new Error(`${this.definition.displayName}: "${field}" is not an indexed column, so it cannot be filtered on.`);
    return index;
  }
}

const copy = <V>(value: V): V => structuredClone(value);

function sameVersions<T extends { id: string }>(items: Map<string, Versioned<T>>, versions: Map<string, string>): boolean {
  if (items.size !== versions.size) return false;
  for (const [id, etag] of versions) if (items.get(id)?.etag !== etag) return false;
  return true;
}

/** Equality as SharePoint applies it to the column: text ignores case, Yes/No and numbers by value. */
function sameColumnValue(index: IndexedField, stored: unknown, wanted: unknown): boolean {
  if (stored === undefined || stored === null) return false;
  if (index.type === 'boolean') return Boolean(stored) === Boolean(wanted);
  if (index.type === 'number') return Number(stored) === Number(wanted);
  return String(stored).toLowerCase() === String(wanted).toLowerCase();
}
