import { randomUUID } from 'node:crypto';
import { ItemNotFound, UniqueValueTaken, VersionConflict, type Created, type EntityStore, type NewItem, type Versioned } from '../../../workflow';
import { jsonCopy } from './jsonCopy';
import { columnKey, sameColumnValue } from './sharePointText';

export interface MemoryStoreColumns<T, Indexed extends keyof T> {
  /** The fields `find` accepts: SharePoint refuses filters on columns that are not indexed. */
  indexed: readonly Indexed[];
  /** Fields no two items may share a value of (SharePoint's enforceUniqueValues). */
  unique?: readonly (keyof T)[];
}

interface Row<T> {
  item: T;
  /** The item's GUID: SharePoint ETags read `"{GUID},{version}"`. */
  guid: string;
  version: number;
}

type Fields = Record<string, unknown>;

/**
 * An EntityStore in memory that behaves like a SharePoint list where callers can tell: ids the
 * list assigns (1, 2, 3...), a new ETag on every change, creates idempotent by key, filters on
 * indexed fields only, unique fields, text compared without regard to case, and items copied
 * through JSON in and out (as the Payload column stores them).
 */
export class MemoryEntityStore<T extends { id: string }, Indexed extends keyof T> implements EntityStore<T, Indexed> {
  private readonly rows = new Map<string, Row<T>>();
  private readonly idByKey = new Map<string, string>();
  private lastId = 0;
  private readonly indexed: readonly Indexed[];
  private readonly unique: readonly (keyof T)[];

  constructor(
    readonly name: string,
    columns: MemoryStoreColumns<T, Indexed>,
  ) {
    this.indexed = [...columns.indexed];
    this.unique = [...(columns.unique ?? [])];
  }

  async create(item: NewItem<T>, idempotencyKey: string): Promise<Created<T>> {
    await Promise.resolve();
    const firstId = this.idByKey.get(columnKey(idempotencyKey));
    if (firstId !== undefined) return { item: this.read(firstId), created: false };
    const id = String(this.lastId + 1);
    const stored = { ...this.payloadOf(item), id } as T;
    this.checkUnique(stored);
    this.lastId += 1;
    this.rows.set(id, { item: stored, guid: randomUUID(), version: 1 });
    this.idByKey.set(columnKey(idempotencyKey), id);
    return { item: this.read(id), created: true };
  }

  async findByKey(idempotencyKey: string): Promise<Versioned<T> | undefined> {
    await Promise.resolve();
    const id = this.idByKey.get(columnKey(idempotencyKey));
    return id === undefined ? undefined : this.read(id);
  }

  async get(id: string): Promise<Versioned<T> | undefined> {
    await Promise.resolve();
    return this.rows.has(id) ? this.read(id) : undefined;
  }

  async list(): Promise<Versioned<T>[]> {
    return this.find({});
  }

  async find(filter: Partial<Pick<T, Indexed>>): Promise<Versioned<T>[]> {
    await Promise.resolve();
    const clauses = Object.entries(filter).filter(([, value]) => value !== undefined);
    for (const [field] of clauses) {
      if (!this.indexed.some((f) => f === field)) {
        throw new Error(`${this.name}: cannot filter on "${field}": it is not an indexed column`);
      }
    }
    return [...this.rows.entries()]
      .filter(([, row]) => clauses.every(([field, value]) => sameColumnValue((row.item as Fields)[field], value)))
      .map(([id]) => this.read(id));
  }

  async update(id: string, patch: Partial<NewItem<T>>, etag: string): Promise<Versioned<T>> {
    await Promise.resolve();
    const row = this.rows.get(id);
    if (!row) throw new ItemNotFound(this.name, id);
    if (etagOf(row) !== etag) throw new VersionConflict(this.name, id);
    const next = { ...this.payloadOf({ ...row.item, ...patch }), id } as T;
    this.checkUnique(next);
    this.rows.set(id, { item: next, guid: row.guid, version: row.version + 1 });
    return this.read(id);
  }

  /** Every stored item, oldest first (for assertions in tests). */
  all(): Versioned<T>[] {
    return [...this.rows.keys()].map((id) => this.read(id));
  }

  /** What the list keeps of an item: JSON, without the id and version it may carry. */
  private payloadOf(item: object): Fields {
    const { id: _id, etag: _etag, ...payload } = jsonCopy(item) as Fields;
    return payload;
  }

  private checkUnique(candidate: T): void {
    for (const field of this.unique) {
      const value = candidate[field];
      if (value === undefined) continue;
      for (const row of this.rows.values()) {
        if (row.item.id !== candidate.id && sameColumnValue(row.item[field], value)) {
          throw new UniqueValueTaken(`${this.name}.${String(field)}`);
        }
      }
    }
  }

  private read(id: string): Versioned<T> {
    const row = this.rows.get(id);
    if (!row) throw new ItemNotFound(this.name, id);
    return { ...jsonCopy(row.item), etag: etagOf(row) };
  }
}

function etagOf(row: Row<unknown>): string {
  return `"${row.guid},${row.version}"`;
}
