import { z } from 'zod';
import { GraphError, notFound } from '../http/graphError';
import { json, param, route, type Route, type RouteContext } from '../http/route';
import { coerceFieldValue } from '../query/fieldValues';
import { filterFields, parseFilter } from '../query/filter';
import { compileFilter, fieldNameOf, itemIdColumn, type FilterableColumn } from '../query/filterSql';
import { applySelect } from '../query/queryOptions';
import { selectingClause } from '../query/selectingClause';
import { readOnlyItemFields } from '../store/builtInColumns';
import { emulatorApplication } from '../store/emulatorStore';
import type { SqlCondition } from '../store/itemsStore';
import type { ColumnRecord, FieldValue, ItemRecord, ListRecord, SiteRecord } from '../store/records';
import { pagedCollection } from './paging';
import { refuseChangeToRecord } from './recordLists';
import { bodyOf, listOf } from './resolve';
import { fieldsJson, itemETag, itemJson } from './shapes';

/** Retry-After of a query SharePoint throttles for the list view threshold (it will fail again: fix the query). */
const thresholdRetryAfterSeconds = '120';
const defaultPageSize = 200;
const maxPageSize = 5000;
const honorNonIndexed = 'honornonindexedquerieswarningmayfailrandomly';

const itemsPart = String.raw`^\/sites\/(?<site>[^/]+)\/lists\/(?<list>[^/]+)\/items`;

const createItemSchema = z.looseObject({ fields: z.record(z.string(), z.unknown()) });
const fieldsPatchSchema = z.record(z.string(), z.unknown());

const itemOf = (ctx: RouteContext, listId: string): ItemRecord => {
  const raw = param(ctx, 'item');
  const id = /^\d+$/.test(raw) ? Number(raw) : NaN;
  const item = Number.isFinite(id) ? ctx.store.items.get(listId, id) : undefined;
  if (!item) throw notFound('Item');
  return item;
};

/** Checks every written field against the list's columns; unknown fields are refused naming field and list. */
const writableValues = (ctx: RouteContext, list: ListRecord, columns: ColumnRecord[], input: Record<string, unknown>): Record<string, FieldValue> => {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const out: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(input)) {
    if (name.startsWith('@odata.')) continue;
    const column = byName.get(name);
    if (!column) {
      if (readOnlyItemFields.has(name)) throw new GraphError(400, 'invalidRequest', `Field '${name}' is read-only.`);
      throw new GraphError(400, 'invalidRequest', `Field '${name}' is not recognized: list '${list.displayName}' has no column with that name.`);
    }
    if (column.readOnly) throw new GraphError(400, 'invalidRequest', `Field '${name}' is read-only.`);
    out[name] = coerceFieldValue(column, value, ctx.fidelity.multiLineTextMaxLength);
  }
  return out;
};

const checkUnique = (ctx: RouteContext, list: ListRecord, columns: ColumnRecord[], values: Record<string, FieldValue>, exceptId?: number): void => {
  for (const c of columns) {
    if (!c.enforceUniqueValues) continue;
    const v = values[c.name];
    if (v === undefined || v === null) continue;
    if (ctx.store.items.findWithValue(list.id, c.name, v, exceptId) !== undefined) {
      throw new GraphError(409, 'nameAlreadyExists',
        `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${c.name}].`);
    }
  }
};

/** 412 unless `If-Match` is absent, `*`, or the item's current eTag. */
const checkIfMatch = (ctx: RouteContext, item: ItemRecord): void => {
  const header = ctx.req.headers['if-match'];
  if (header === undefined || header.trim() === '*') return;
  const strip = (t: string): string => t.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  // An eTag holds a comma (`"{guid},{version}"`), so the header is compared whole, not split into a list.
  if (strip(header) !== strip(itemETag(item))) {
    throw new GraphError(412, 'preconditionFailed', `The request ETag value '${header}' does not match the object's ETag value '${itemETag(item)}'.`);
  }
};

const expandedFields = (ctx: RouteContext): { expand: boolean; select?: string[] } => {
  let result: { expand: boolean; select?: string[] } = { expand: false };
  for (const e of ctx.options.expand) {
    if (e.name !== 'fields') throw new GraphError(400, 'BadRequest', `$expand=${e.name} is not supported on list items by the Graph emulator.`);
    result = { expand: true, select: e.select };
  }
  return result;
};

const itemBody = (ctx: RouteContext, site: SiteRecord, list: ListRecord, item: ItemRecord, fields: { expand: boolean; select?: string[] }): Record<string, unknown> => ({
  ...applySelect(itemJson(site, list, item), ctx.options.select),
  ...(fields.expand ? { fields: fieldsJson(item, fields.select) } : {}),
});

const overThreshold = (message: string): GraphError =>
  new GraphError(429, 'activityLimitReached', `The attempted operation is prohibited because it exceeds the list view threshold. ${message}`,
    { 'retry-after': thresholdRetryAfterSeconds });

/**
 * The list view threshold and the non-indexed-query rule, as SharePoint applies them through Graph: on a
 * list above the threshold, a query on a non-indexed column, or a filter whose selecting clause (the first
 * indexed clause of an `and`) matches more items than the threshold, is throttled (429 with Retry-After),
 * not refused as a bad request.
 */
const checkIndexing = (ctx: RouteContext, list: ListRecord, referenced: FilterableColumn[], selecting: SqlCondition | undefined): void => {
  const threshold = ctx.fidelity.listViewThreshold;
  const large = referenced.length > 0 && ctx.store.items.count(list.id) > threshold;
  const notIndexed = referenced.find((c) => !c.indexed);
  if (large && notIndexed) {
    throw overThreshold(`Field '${notIndexed.name}' is not indexed and list '${list.displayName}' holds more than ${threshold} items.`);
  }
  if (large && selecting && ctx.store.items.count(list.id, selecting) > threshold) {
    throw overThreshold(`The filter's first indexed clause matches more than ${threshold} items of list '${list.displayName}'; start it with a more selective indexed column.`);
  }
  if (!notIndexed) return;
  const prefer = (ctx.req.headers.prefer ?? '').toLowerCase();
  if (!prefer.split(',').map((p) => p.trim()).includes(honorNonIndexed)) {
    throw new GraphError(400, 'invalidRequest',
      `Field '${notIndexed.name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`);
  }
};

export const itemsRoutes: Route[] = [
  route('GET', new RegExp(`${itemsPart}$`), ['$select', '$expand', '$filter', '$top', '$skiptoken', '$orderby'], (ctx) => {
    const { site, list } = listOf(ctx);
    const fields = expandedFields(ctx);
    const columns = new Map<string, FilterableColumn>(ctx.store.lists.columns(list.id).map((c) => [c.name, c]));
    columns.set('id', itemIdColumn);
    const lookup = (name: string): FilterableColumn => {
      const c = columns.get(name);
      if (!c) throw new GraphError(400, 'invalidRequest', `Field '${name}' is not recognized.`);
      return c;
    };
    const filter = ctx.options.filter === undefined ? undefined : parseFilter(ctx.options.filter);
    const orderBy = ctx.options.orderBy.map((o) => ({ column: lookup(fieldNameOf(o.field)).name, descending: o.descending }));
    const referenced = [...(filter ? filterFields(filter) : []).map((f) => lookup(fieldNameOf(f))), ...orderBy.map((o) => lookup(o.column))];
    const where = filter && compileFilter(filter, columns);
    checkIndexing(ctx, list, referenced, filter && compileFilter(selectingClause(filter, columns), columns));
    const top = Math.min(ctx.options.top ?? defaultPageSize, maxPageSize);
    return pagedCollection(ctx, {
      context: `${ctx.baseUrl}/$metadata#sites('${site.id}')/lists('${list.id}')/items`,
      keyset: orderBy.length === 0,
      top,
      fetch: (position, limit) => ctx.store.items
        .query({ listId: list.id, where, orderBy, afterId: position.afterId, offset: position.offset, limit })
        .map((item) => ({ key: item.id, body: itemBody(ctx, site, list, item, fields) })),
    });
  }),

  route('POST', new RegExp(`${itemsPart}$`), [], (ctx) => {
    const { site, list } = listOf(ctx);
    const body = bodyOf(ctx, (b) => createItemSchema.safeParse(b));
    const columns = ctx.store.lists.columns(list.id);
    const values = writableValues(ctx, list, columns, body.fields);
    const item = ctx.store.transaction(() => {
      checkUnique(ctx, list, columns, values);
      return ctx.store.items.create(list.id, values, emulatorApplication.id, ctx.clock.now());
    });
    return json(201, {
      '@odata.context': `${ctx.baseUrl}/$metadata#sites('${site.id}')/lists('${list.id}')/items/$entity`,
      ...itemJson(site, list, item),
      'fields@odata.context': `${ctx.baseUrl}/$metadata#sites('${site.id}')/lists('${list.id}')/items('${item.id}')/fields/$entity`,
      fields: fieldsJson(item),
    });
  }),

  route('GET', new RegExp(`${itemsPart}/(?<item>[^/]+)$`), ['$select', '$expand'], (ctx) => {
    const { site, list } = listOf(ctx);
    const item = itemOf(ctx, list.id);
    return json(200, {
      '@odata.context': `${ctx.baseUrl}/$metadata#sites('${site.id}')/lists('${list.id}')/items/$entity`,
      ...itemBody(ctx, site, list, item, expandedFields(ctx)),
    });
  }),

  route('GET', new RegExp(`${itemsPart}/(?<item>[^/]+)/fields$`), ['$select'], (ctx) => {
    const { site, list } = listOf(ctx);
    const item = itemOf(ctx, list.id);
    return json(200, {
      '@odata.context': `${ctx.baseUrl}/$metadata#sites('${site.id}')/lists('${list.id}')/items('${item.id}')/fields/$entity`,
      ...fieldsJson(item, ctx.options.select),
    });
  }),

  route('PATCH', new RegExp(`${itemsPart}/(?<item>[^/]+)/fields$`), [], (ctx) => {
    const { site, list } = listOf(ctx);
    refuseChangeToRecord(list, 'updated');
    const patch = bodyOf(ctx, (b) => fieldsPatchSchema.safeParse(b));
    const columns = ctx.store.lists.columns(list.id);
    const values = writableValues(ctx, list, columns, patch);
    const updated = ctx.store.transaction(() => {
      const item = itemOf(ctx, list.id);
      checkIfMatch(ctx, item);
      checkUnique(ctx, list, columns, values, item.id);
      return ctx.store.items.update(list.id, item.id, { ...item.fields, ...values }, emulatorApplication.id, ctx.clock.now());
    });
    return json(200, {
      '@odata.context': `${ctx.baseUrl}/$metadata#sites('${site.id}')/lists('${list.id}')/items('${updated.id}')/fields/$entity`,
      ...fieldsJson(updated),
    });
  }),

  route('DELETE', new RegExp(`${itemsPart}/(?<item>[^/]+)$`), [], (ctx) => {
    const { list } = listOf(ctx);
    refuseChangeToRecord(list, 'deleted');
    ctx.store.transaction(() => {
      const item = itemOf(ctx, list.id);
      checkIfMatch(ctx, item);
      ctx.store.items.delete(list.id, item.id);
    });
    return { status: 204 };
  }),
];
