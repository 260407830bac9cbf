import { randomUUID } from 'node:crypto';
import { ItemNotFound, UniqueValueTaken, VersionConflict, type Created, type EntityStore, type NewItem, type Versioned } from '../../../workflow';


interface Row<T> {
  item: T;
  etag: string;
  version: number;
}

/**
 * An EntityStore in memory that behaves like a SharePoint list where it matters: store-assigned
 * ids, a new ETag on every change, idempotent creates, filters on indexed fields only, unique
 * fields, and copies in and out (nobody changes stored state by holding a reference).
 */
export class MemoryEntityStore<T extends { id: string }, Indexed extends keyof T> implements EntityStore<T, Indexed> {
  private readonly rows = new Map<string, Row<T>>();
  private readonly keys = new Map<string, string>();
  private nextId = 1;

  constructor(
    readonly name: string,
    private readonly indexed: readonly Indexed[],
    private readonly unique: readonly (keyof T)[] = [],
  ) {}

  async create(item: NewItem<T>, idempotencyKey: string): Promise<Created<T>> {
    await Promise.resolve();
    const existingId = this.keys.get(idempotencyKey);
    if (existingId) return { item: this.out(existingId), created: false };
    const id = String(this.nextId);
    const stored = { ...structuredClone(item), id } as T;
    this.checkUnique(stored);
    this.nextId++;
    this.rows.set(id, { item: stored, version: 1, etag: `"${randomUUID()},1"` });
    this.keys.set(idempotencyKey, id);
    return { item: this.out(id), created: true };
  }

  async get(id: string): Promise<Versioned<T> | undefined> {
    await Promise.resolve();
    return this.rows.has(id) ? this.out(id) : undefined;
  }

  async find(filter: Partial<Pick<T, Indexed>>): Promise<Versioned<T>[]> {
    await Promise.resolve();
    const entries = Object.entries(filter).filter(([, v]) => v !== undefined);
    for (const [field] of entries) {
      if (!this.indexed.includes(field as Indexed)) throw new Error(`${this.name}: cannot filter on "${field}": it is not indexed`);
    }
    return [...this.rows.keys()]
      .filter((id) => entries.every(([field, v]) => (this.rows.get(id)?.item as Record<string, unknown>)[field] === v))
      .map((id) => this.out(id));
  }

  async update(id: string, patch: Partial<NewItem<T>>, etag: string): Promise<Versioned<T>> {
    await Promise.resolve();
    const row = this.rows.get(id);
    if (!row) throw new ItemNotFound(this.name, id);
    if (row.etag !== etag) throw new VersionConflict(this.name, id);
    const next = { ...row.item, ...structuredClone(patch), id } as T;
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (next as Record<string, unknown>)[k];
    this.checkUnique(next);
    const version = row.version + 1;
    this.rows.set(id, { item: next, version, etag: `"${randomUUID()},${version}"` });
    return this.out(id);
  }

  /** Every stored item (tests only). */
  all(): T[] {
    return [...this.rows.values()].map((r) => structuredClone(r.item));
  }

  private checkUnique(candidate: T): void {
    for (const field of this.unique) {
      const value = candidate[field];
      if (value === undefined) continue;
      for (const row of this.rows.values()) {
        if (row.item.id !== candidate.id && row.item[field] === value) throw new UniqueValueTaken(`${this.name}.${String(field)}`);
      }
    }
  }

  private out(id: string): Versioned<T> {
    const row = this.rows.get(id);
    if (!row) throw new ItemNotFound(this.name, id);
    return { ...structuredClone(row.item), etag: row.etag };
  }
}
