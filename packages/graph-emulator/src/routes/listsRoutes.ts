import { z } from 'zod';
import { GraphError, notFound } from '../http/graphError';
import { json, param, route, type Route, type RouteContext } from '../http/route';
import { applySelect } from '../query/queryOptions';
import type { ColumnRecord, ListTemplate } from '../store/records';
import { columnDefinitionSchema, toNewColumn, uniqueNeedsIndex } from './columnDefinition';
import { bodyOf, listOf, siteOf } from './resolve';
import { columnJson, listJson } from './shapes';

const sitePart = String.raw`^\/sites\/(?<site>[^/]+)\/lists`;
const listPart = String.raw`${sitePart}\/(?<list>[^/]+)`;

const createListSchema = z.looseObject({
  displayName: z.string().min(1).max(255),
  description: z.string().optional(),
  columns: z.array(columnDefinitionSchema).optional(),
  list: z.looseObject({ template: z.string().optional(), hidden: z.boolean().optional(), contentTypesEnabled: z.boolean().optional() }).optional(),
});

const patchColumnSchema = z.looseObject({
  displayName: z.string().min(1).optional(),
  description: z.string().optional(),
  indexed: z.boolean().optional(),
  enforceUniqueValues: z.boolean().optional(),
  required: z.boolean().optional(),
  hidden: z.boolean().optional(),
});

const withExpandedColumns = (ctx: RouteContext, listId: string, body: Record<string, unknown>): Record<string, unknown> => {
  const expand = ctx.options.expand;
  for (const e of expand) {
    if (e.name !== 'columns') throw new GraphError(400, 'BadRequest', `$expand=${e.name} is not supported on lists by the Graph emulator.`);
  }
  if (expand.length === 0) return body;
  const columnSelect = expand[0]?.select;
  return { ...body, columns: ctx.store.lists.columns(listId).map((c) => applySelect(columnJson(c), columnSelect)) };
};

const columnOf = (ctx: RouteContext, listId: string): ColumnRecord => {
  const column = ctx.store.lists.column(listId, param(ctx, 'column'));
  if (!column) throw notFound(`Column '${param(ctx, 'column')}'`);
  return column;
};

export const listsRoutes: Route[] = [
  route('GET', new RegExp(`${sitePart}$`), ['$select', '$expand'], (ctx) => {
    const site = siteOf(ctx);
    const lists = ctx.store.lists.bySite(site.id);
    return json(200, {
      '@odata.context': `${ctx.baseUrl}/$metadata#sites('${site.id}')/lists`,
      value: lists.map((l) => applySelect(withExpandedColumns(ctx, l.id, listJson(site, l)), ctx.options.select)),
    });
  }),

  route('POST', new RegExp(`${sitePart}$`), [], (ctx) => {
    const site = siteOf(ctx);
    const body = bodyOf(ctx, (b) => createListSchema.safeParse(b));
    const template = body.list?.template ?? 'genericList';
    if (template !== 'genericList' && template !== 'documentLibrary') {
      throw new GraphError(400, 'invalidRequest', `List template '${template}' is not supported by the Graph emulator (genericList, documentLibrary).`);
    }
    const name = body.displayName.replace(/[^A-Za-z0-9_-]/g, '');
    if (ctx.store.lists.nameTaken(site.id, body.displayName, name)) {
      throw new GraphError(409, 'nameAlreadyExists', `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`);
    }
    const columns = (body.columns ?? []).map(toNewColumn);
    const seen = new Set(['title', 'created', 'modified', 'id']);
    for (const c of columns) {
      if (seen.has(c.name.toLowerCase())) throw new GraphError(400, 'invalidRequest', `A column named '${c.name}' is given twice or clashes with a built-in column.`);
      seen.add(c.name.toLowerCase());
    }
    const list = ctx.store.createList({
      siteId: site.id, displayName: body.displayName, name, description: body.description, template: template as ListTemplate,
      columns, at: ctx.clock.now(),
    });
    return json(201, { '@odata.context': `${ctx.baseUrl}/$metadata#sites('${site.id}')/lists/$entity`, ...listJson(site, list) });
  }),

  route('GET', new RegExp(`${listPart}$`), ['$select', '$expand'], (ctx) => {
    const { site, list } = listOf(ctx);
    const body = applySelect(listJson(site, list), ctx.options.select);
    return json(200, { '@odata.context': `${ctx.baseUrl}/$metadata#sites('${site.id}')/lists/$entity`, ...withExpandedColumns(ctx, list.id, body) });
  }),

  route('GET', new RegExp(`${listPart}/columns$`), ['$select'], (ctx) => {
    const { site, list } = listOf(ctx);
    return json(200, {
      '@odata.context': `${ctx.baseUrl}/$metadata#sites('${site.id}')/lists('${list.id}')/columns`,
      value: ctx.store.lists.columns(list.id).map((c) => applySelect(columnJson(c), ctx.options.select)),
    });
  }),

  route('POST', new RegExp(`${listPart}/columns$`), [], (ctx) => {
    const { site, list } = listOf(ctx);
    const column = toNewColumn(bodyOf(ctx, (b) => columnDefinitionSchema.safeParse(b)));
    if (ctx.store.lists.column(list.id, column.name) || column.name.toLowerCase() === 'id') {
      throw new GraphError(409, 'nameAlreadyExists', `A duplicate field name "${column.name}" was found.`);
    }
    const created = ctx.store.transaction(() => {
      const c = ctx.store.lists.addColumn(list.id, column);
      ctx.store.lists.touch(list.id, ctx.clock.now());
      return c;
    });
    return json(201, { '@odata.context': `${ctx.baseUrl}/$metadata#sites('${site.id}')/lists('${list.id}')/columns/$entity`, ...columnJson(created) });
  }),

  route('GET', new RegExp(`${listPart}/columns/(?<column>[^/]+)$`), ['$select'], (ctx) => {
    const { list } = listOf(ctx);
    return json(200, applySelect(columnJson(columnOf(ctx, list.id)), ctx.options.select));
  }),

  route('PATCH', new RegExp(`${listPart}/columns/(?<column>[^/]+)$`), [], (ctx) => {
    const { list } = listOf(ctx);
    const column = columnOf(ctx, list.id);
    const change = bodyOf(ctx, (b) => patchColumnSchema.safeParse(b));
    if (column.readOnly && (change.enforceUniqueValues || change.required)) {
      throw new GraphError(400, 'invalidRequest', `Column '${column.name}' is read-only.`);
    }
    const indexed = change.indexed ?? column.indexed;
    const unique = change.enforceUniqueValues ?? column.enforceUniqueValues;
    if (unique && !indexed) throw uniqueNeedsIndex(column.name);
    if (unique && !column.enforceUniqueValues && ctx.store.items.hasDuplicates(list.id, column.name)) {
      throw new GraphError(400, 'invalidRequest', `Column '${column.name}' cannot enforce unique values: the list already holds duplicate values in it.`);
    }
    const updated = ctx.store.transaction(() => {
      const c = ctx.store.lists.updateColumn(list.id, column.id, { ...change, indexed, enforceUniqueValues: unique });
      ctx.store.lists.touch(list.id, ctx.clock.now());
      return c;
    });
    return json(200, columnJson(updated));
  }),
  route('DELETE', new RegExp(`${listPart}/columns/(?<column>[^/]+)$`), [], (ctx) => {
    const { list } = listOf(ctx);
    const column = columnOf(ctx, list.id);
    if (column.readOnly) throw new GraphError(400, 'invalidRequest', `Column '${column.name}' is read-only and cannot be deleted.`);
    ctx.store.transaction(() => {
      ctx.store.lists.deleteColumn(list.id, column.id);
      ctx.store.lists.touch(list.id, ctx.clock.now());
    });
    return json(204, undefined);
  }),
];
