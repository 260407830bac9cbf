/**
 * The one shape every store port has (SharePoint lists behind Graph, or memory in tests).
 * The port contract suite in tests/contract checks any implementation against it.
 */

/** A stored item with the version it was read at (the SharePoint ETag). */
export type Versioned<T> = T & { readonly etag: string };

export type NewItem<T extends { id: string }> = Omit<T, 'id'>;

export interface Created<T> {
  item: Versioned<T>;
  /** False when an item with the same idempotency key already existed: nothing was written. */
  created: boolean;
}

export interface EntityStore<T extends { id: string }, Indexed extends keyof T> {
  /** Creates once per idempotency key: a repeat returns the first item and `created: false`. */
  create(item: NewItem<T>, idempotencyKey: string): Promise<Created<T>>;
  get(id: string): Promise<Versioned<T> | undefined>;
  /** The item created with this idempotency key, if any (tells a repeat from a new request). */
  findByKey(idempotencyKey: string): Promise<Versioned<T> | undefined>;
  /** Equality on indexed fields only (SharePoint refuses filters on other columns in large lists). */
  find(filter: Partial<Pick<T, Indexed>>): Promise<Versioned<T>[]>;
  /** Every item, page by page: for the small lists only (Staff, Schools), never for cases or records. */
  list(): Promise<Versioned<T>[]>;
  /** Throws VersionConflict when the item changed since `etag` was read; ItemNotFound when gone. */
  update(id: string, patch: Partial<NewItem<T>>, etag: string): Promise<Versioned<T>>;
}
