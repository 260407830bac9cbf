import { GraphError } from '../http/graphError';
import { fieldSqlExpression } from '../store/listsStore';
import type { SqlCondition } from '../store/itemsStore';
import type { ColumnRecord } from '../store/records';
import { normaliseDateTime } from './fieldValues';
import type { FilterLiteral, FilterNode } from './filter';

/** A column a filter may name: a list column, or the item id (always indexed). */
export type FilterableColumn = Pick<ColumnRecord, 'name' | 'type' | 'indexed'>;

export const itemIdColumn: FilterableColumn = { name: 'id', type: 'number', indexed: true };

/** `fields/Name` → `Name`; anything else is not something list items can be filtered on. */
export const fieldNameOf = (property: string): string => {
  const m = /^fields\/([A-Za-z_][\w]*)$/.exec(property);
  if (!m) throw new GraphError(400, 'invalidRequest', `Filtering list items on '${property}' is not supported; filter on fields/<column name>.`);
  return m[1] as string;
};

const sqlOps = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

const literalFor = (column: FilterableColumn, value: FilterLiteral): string | number => {
  const bad = (): GraphError => new GraphError(400, 'invalidRequest', `The value '${String(value)}' cannot be compared with field '${column.name}' (${column.type}).`);
  switch (column.type) {
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      if (!Number.isFinite(n)) throw bad();
      return n;
    }
    case 'boolean':
      if (value === 1 || value === '1') return 1;
      if (value === 0 || value === '0') return 0;
      if (typeof value === 'boolean' || value === 'true' || value === 'false') {
        // SharePoint compares Yes/No columns as 1/0: `eq true` silently returns the opposite items
        // (SharePoint/sp-dev-docs#4750, #5594), so the emulator refuses it rather than answer either way.
        throw new GraphError(400, 'invalidRequest',
          `Field '${column.name}' is a Yes/No column: compare it with 1 or 0, not ${String(value)} (SharePoint answers ${String(value)} with the opposite items).`);
      }
      throw bad();
    case 'dateTime': {
      const d = typeof value === 'string' ? normaliseDateTime(value) : undefined;
      if (!d) throw bad();
      return d;
    }
    default:
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return String(value);
      throw bad();
  }
};

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Compiles a parsed `$filter` to SQL over the items table; columns are looked up by internal name. */
export const compileFilter = (node: FilterNode, columns: Map<string, FilterableColumn>): SqlCondition => {
  const column = (property: string): FilterableColumn => {
    const name = fieldNameOf(property);
    const c = columns.get(name);
    if (!c) throw new GraphError(400, 'invalidRequest', `Field '${name}' is not recognized.`);
    return c;
  };
  switch (node.kind) {
    case 'and':
    case 'or': {
      const l = compileFilter(node.left, columns);
      const r = compileFilter(node.right, columns);
      return { sql: `(${l.sql}) ${node.kind.toUpperCase()} (${r.sql})`, params: [...l.params, ...r.params] };
    }
    case 'not': {
      const inner = compileFilter(node.operand, columns);
      return { sql: `NOT (${inner.sql})`, params: inner.params };
    }
    case 'startsWith': {
      const c = column(node.field);
      return { sql: `${fieldSqlExpression(c.name)} LIKE ? ESCAPE '\\'`, params: [`${escapeLike(node.value)}%`] };
    }
    case 'compare': {
      const c = column(node.field);
      const expr = fieldSqlExpression(c.name);
      if (node.value === null) {
        if (node.op === 'eq') return { sql: `${expr} IS NULL`, params: [] };
        if (node.op === 'ne') return { sql: `${expr} IS NOT NULL`, params: [] };
        throw new GraphError(400, 'invalidRequest', `null can only be compared with eq or ne.`);
      }
      const v = literalFor(c, node.value);
      const collate = expr.startsWith('json_extract') ? ' COLLATE NOCASE' : '';
      const cmp = `${expr} ${sqlOps[node.op]} ?${collate}`;
      return { sql: node.op === 'ne' ? `(${expr} IS NULL OR ${cmp})` : cmp, params: [v] };
    }
  }
};
