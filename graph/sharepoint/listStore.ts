import { RetryHandlerOptions, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { ItemNotFound, NotAttempted, RecordTooLarge, UniqueValueTaken, VersionConflict, type Created, type EntityStore, type NewItem, type Versioned } from '../../workflow';
import { ActionReads } from './actionReads';
import { graphStatus } from './graphErrors';
import { CHANGED_AT_COLUMN, IDEMPOTENCY_COLUMN, PAYLOAD_COLUMN, PAYLOAD_MAX_CHARACTERS, type IndexedField, type ListDefinition } from './listDefinitions';

const ItemResponse = z.object({
  id: z.string(),
  eTag: z.string(),
  fields: z.object({ [PAYLOAD_COLUMN]: z.string().optional() }).loose(),
});
const ItemsPage = z.object({ value: z.array(ItemResponse), '@odata.nextLink': z.string().optional() });
const VersionsPage = z.object({ value: z.array(z.object({ id: z.string(), eTag: z.string() })), '@odata.nextLink': z.string().optional() });
/**
 * What a create and a fields PATCH answer. Graph sends the eTag (`eTag`, `@odata.etag`) in practice, but the
 * documented examples (listitem-create, listitem-update) show neither: without one it is read back.
 */
const CreatedItem = z.object({ id: z.string(), eTag: z.string().optional(), '@odata.etag': z.string().optional() }).loose();
const FieldsResponse = z.object({ '@odata.etag': z.string().optional() }).loose();

type Fields = Record<string, string | number | boolean | null>;

const CACHE_LIMIT = 500;
/** The most items Graph returns in one page of a list. */
const LARGEST_PAGE = 5000;

/**
 * A store port over one SharePoint list (Graph `sites/{site}/lists/{list}/items`). The record is
 * the Payload column's JSON; indexed columns mirror the fields queries filter on; creates carry
 * the idempotency key in a unique column; updates send If-Match (412 becomes VersionConflict).
 */
export class SharePointListStore<T extends { id: string }, Indexed extends keyof T> implements EntityStore<T, Indexed> {
  /** The last payload read at each ETag, so an update after a read needs no second read. */
  private readonly lastRead = new Map<string, { etag: string; payload: NewItem<T> }>();
  /** What the current user action has read and written of this list. */
  private readonly action: ActionReads<T>;

  constructor(
    private readonly client: Client,
    private readonly listPath: string,
    private readonly definition: ListDefinition,
    private readonly schema: z.ZodType<T>,
    /** The time written into columns worked out from the write (ChangedAt). */
    private readonly now: () => Date = () => new Date(),
  ) {
    this.action = new ActionReads<T>(listPath);
  }

  async create(item: NewItem<T>, idempotencyKey: string): Promise<Created<T>> {
    try {
      const created = CreatedItem.parse(await this.client.api(`${this.listPath}/items`).post({ fields: this.fieldsOf(item, idempotencyKey) }));
      const etag = created.eTag ?? created['@odata.etag'] ?? (await this.readItem(created.id))?.eTag;
      if (!etag) throw new Error(`${this.definition.displayName} item ${created.id} was created but could not be read back`);
      this.action.saw(created.id, etag, item, true);
      return { item: this.remember(created.id, etag, item), created: true };
    } catch (error) {
      if (graphStatus(error) === 424) throw new NotAttempted(this.definition.displayName);
      if (graphStatus(error) !== 409) throw error;
      // A unique column refused it: either this key was written before (a retry, a double submit) or another value clashes.
      const existing = await this.findByKey(idempotencyKey);
      if (!existing) throw new UniqueValueTaken(this.definition.displayName);
      return { item: existing, created: false };
    }
  }

  async get(id: string): Promise<Versioned<T> | undefined> {
    return this.action.get(id, async () => {
      const found = await this.readItem(id);
      return found && this.toEntity(found);
    });
  }

  /**
   * Every item's id and eTag, without the payloads: a cheap look at whether anything in the list
   * was added, changed or removed since it was read (the reference cache's change check).
   */
  async versions(): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    let page = VersionsPage.parse(await this.client.api(`${this.listPath}/items`).select('id,eTag').top(5000).get());
    for (;;) {
      for (const item of page.value) found.set(item.id, item.eTag);
      const next = page['@odata.nextLink'];
      if (!next) return found;
      page = VersionsPage.parse(await this.client.api(next).get());
    }
  }

  private async readItem(id: string): Promise<z.infer<typeof ItemResponse> | undefined> {
    if (!isListItemId(id)) return undefined;
    try {
      return ItemResponse.parse(await this.client.api(`${this.listPath}/items/${encodeURIComponent(id)}`).select('id,eTag').expand(`fields($select=${PAYLOAD_COLUMN})`).get());
    } catch (error) {
      if (graphStatus(error) === 404) return undefined;
      throw error;
    }
  }

  async findByKey(idempotencyKey: string): Promise<Versioned<T> | undefined> {
    const [existing] = await this.query(`fields/${IDEMPOTENCY_COLUMN} eq ${literal(idempotencyKey)}`);
    return existing;
  }

  async find(filter: Partial<Pick<T, Indexed>>): Promise<Versioned<T>[]> {
    const clauses = Object.entries(filter)
      .filter(([, v]) => v !== undefined)
      .map(([field, v]) => `fields/${this.indexedField(field).column} eq ${literal(v)}`);
    return this.action.find(filter, () => this.query(clauses.join(' and ')));
  }

  /**
   * One request: the first `top` items that match an OData filter on indexed columns, in the
   * order given (`fields/DueAt`), and not the pages after. A query that must stay one round trip
   * however large the list grows (the due jobs); the filter's first clause is what SharePoint
   * selects by, so it must be the most selective.
   */
  async firstPage(filter: string, orderBy: string, top: number): Promise<Versioned<T>[]> {
    const request = this.client.api(`${this.listPath}/items`).select('id,eTag').expand(`fields($select=${PAYLOAD_COLUMN})`)
      .filter(encodeURIComponent(filter)).orderby(orderBy).top(top);
    return ItemsPage.parse(await request.get()).value.map((item) => this.toEntity(item));
  }

  async list(): Promise<Versioned<T>[]> {
    return this.query('');
  }

  /**
   * Every item, in pages of the most SharePoint returns, kept out of the store's caches: the
   * service history's full read (a whole list paged by id passes the list view threshold).
   */
  async everything(): Promise<Versioned<T>[]> {
    return this.query('', LARGEST_PAGE, false);
  }

  /**
   * The items written through the app at or after `since` (their ChangedAt), kept out of the store's caches.
   * Not retried when throttled: more changes than the list view threshold are throttled for as long
   * as they stay in the window, and the caller has a cheaper answer then (read everything).
   */
  async changedSince(since: Date): Promise<Versioned<T>[]> {
    const at = new Date(Math.floor(since.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    return this.query(`fields/${CHANGED_AT_COLUMN} ge '${at}'`, 500, false, { retry: false });
  }

  async update(id: string, patch: Partial<NewItem<T>>, etag: string): Promise<Versioned<T>> {
    if (!isListItemId(id)) throw new ItemNotFound(this.definition.displayName, id);
    const base = await this.payloadAt(id, etag);
    const next = { ...base, ...patch } as NewItem<T>;
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (next as Record<string, unknown>)[k];
    const fields = this.fieldsOf(next);
    try {
      const saved = FieldsResponse.parse(
        await this.client.api(`${this.listPath}/items/${encodeURIComponent(id)}/fields`).header('If-Match', etag).patch(fields),
      );
      const savedEtag = saved['@odata.etag'];
      if (savedEtag) return this.remember(id, savedEtag, next);
      return await this.readBackAfterWrite(id, etag, fields, next);
    } catch (error) {
      const status = graphStatus(error);
      if (status === 412 || status === 404) this.forget(id);
      if (status === 412) {
        // A write that committed and then answered 503 is retried, and the retry finds the ETag moved by
        // that same write: if the item now holds exactly what was written, the write landed; no conflict.
        const landed = await this.readItem(id);
        if (landed && landed.fields[PAYLOAD_COLUMN] === fields[PAYLOAD_COLUMN]) return this.remember(id, landed.eTag, next);
        throw new VersionConflict(this.definition.displayName, id);
      }
      if (status === 404) throw new ItemNotFound(this.definition.displayName, id);
      if (status === 424) throw new NotAttempted(this.definition.displayName);
      if (status === 409) throw new UniqueValueTaken(this.definition.displayName);
      throw error;
    }
  }

  /**
   * The eTag of a write whose answer gave none. Read back holding what was written: its eTag. Changed by someone
   * since: the eTag sent (now stale) is kept, so the next write from it gets a 412 rather than overwriting theirs.
   */
  private async readBackAfterWrite(id: string, sent: string, fields: Fields, next: NewItem<T>): Promise<Versioned<T>> {
    const landed = await this.readItem(id);
    if (landed && landed.fields[PAYLOAD_COLUMN] === fields[PAYLOAD_COLUMN]) return this.remember(id, landed.eTag, next);
    this.forget(id);
    return { ...structuredClone(next), id, etag: sent } as unknown as Versioned<T>;
  }

  private async payloadAt(id: string, etag: string): Promise<NewItem<T>> {
    const cached = this.lastRead.get(id);
    if (cached?.etag === etag) return cached.payload;
    const current = await this.get(id);
    if (!current) throw new ItemNotFound(this.definition.displayName, id);
    if (current.etag !== etag) throw new VersionConflict(this.definition.displayName, id);
    const { id: _id, etag: _etag, ...payload } = current as Versioned<T> & Record<string, unknown>;
    return payload as unknown as NewItem<T>;
  }

  private async query(filter: string, pageSize = 500, keep = true, options: { retry: boolean } = { retry: true }): Promise<Versioned<T>[]> {
    const found: Versioned<T>[] = [];
    const entity = keep ? (item: z.infer<typeof ItemResponse>) => this.toEntity(item) : (item: z.infer<typeof ItemResponse>) => this.parsed(item);
    let request = this.client.api(`${this.listPath}/items`).select('id,eTag').expand(`fields($select=${PAYLOAD_COLUMN})`).top(pageSize);
    if (!options.retry) request = request.middlewareOptions([new RetryHandlerOptions(0, 0)]);
    // The client puts $filter in the URL as given: encoded whole, a value holding & # ? or % stays inside its literal.
    if (filter) request = request.filter(encodeURIComponent(filter));
    let page = ItemsPage.parse(await request.get());
    for (;;) {
      found.push(...page.value.map(entity));
      const next = page['@odata.nextLink'];
      if (!next) return found;
      page = ItemsPage.parse(await this.client.api(next).get());
    }
  }

  private toEntity(item: z.infer<typeof ItemResponse>): Versioned<T> {
    const { id: _id, etag: _etag, ...payload } = this.parsed(item) as Versioned<T> & Record<string, unknown>;
    return this.remember(item.id, item.eTag, payload as unknown as NewItem<T>);
  }

  /** The item's record, checked by its schema, and not remembered. */
  private parsed(item: z.infer<typeof ItemResponse>): Versioned<T> {
    const raw = item.fields[PAYLOAD_COLUMN];
    if (typeof raw !== 'string') throw new Error(`${this.definition.displayName} item ${item.id} has no payload`);
    const entity = this.schema.parse({ ...JSON.parse(raw), id: item.id });
    return { ...entity, id: item.id, etag: item.eTag } as Versioned<T>;
  }

  /** Someone else changed or removed it: the next read in this action goes to SharePoint. */
  private forget(id: string): void {
    this.action.forget(id);
  }

  private remember(id: string, etag: string, payload: NewItem<T>): Versioned<T> {
    this.action.saw(id, etag, payload);
    this.lastRead.delete(id);
    this.lastRead.set(id, { etag, payload: structuredClone(payload) });
    if (this.lastRead.size > CACHE_LIMIT) this.lastRead.delete(this.lastRead.keys().next().value as string);
    return { ...structuredClone(payload), id, etag } as unknown as Versioned<T>;
  }

  private fieldsOf(item: NewItem<T>, idempotencyKey?: string): Fields {
    const record = item as Record<string, unknown>;
    const payload = JSON.stringify(item);
    // Refused here, with its size, rather than as a bare 400 from SharePoint after the other writes of the action went.
    if (payload.length > PAYLOAD_MAX_CHARACTERS) throw new RecordTooLarge(this.definition.displayName, payload.length, PAYLOAD_MAX_CHARACTERS);
    const fields: Fields = { [PAYLOAD_COLUMN]: payload };
    if (idempotencyKey !== undefined) fields[IDEMPOTENCY_COLUMN] = idempotencyKey;
    const title = this.definition.title;
    if (title && typeof record[title] === 'string') fields.Title = record[title];
    const write = { at: this.now() };
    for (const index of this.definition.indexed) fields[index.column] = columnValue(index, index.from ? index.from(record, write) : record[index.field]);
    return fields;
  }

  private indexedField(field: string): IndexedField {
    const index = this.definition.indexed.find((i) => i.field === field);
    if (!index) throw new Error(`${this.definition.displayName}: "${field}" is not an indexed column, so it cannot be filtered on.`);
    return index;
  }
}

function columnValue(index: IndexedField, value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (index.type === 'boolean') return Boolean(value);
  if (index.type === 'number') return Number(value);
  return String(value);
}

/** SharePoint list item ids are whole numbers: anything else names no item, and never reaches a URL. */
const isListItemId = (id: string): boolean => /^[1-9][0-9]{0,14}$/.test(id);

/** An OData literal; SharePoint compares Yes/No columns as 1/0 (`eq true` matches the opposite). */
function literal(value: unknown): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}
