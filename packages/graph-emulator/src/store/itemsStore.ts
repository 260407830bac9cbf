import type { Db } from './database';
import { isoSeconds, newGuid } from './ids';
import { fieldSqlExpression } from './listsStore';
import type { FieldValue, ItemRecord } from './records';

interface ItemRow {
  list_id: string; id: number; unique_id: string; version: number; fields: string; created: string; modified: string;
  created_by: string; modified_by: string;
}

const toItem = (r: ItemRow): ItemRecord => ({
  listId: r.list_id, id: r.id, uniqueId: r.unique_id, version: r.version,
  fields: JSON.parse(r.fields) as Record<string, FieldValue>, created: r.created, modified: r.modified,
  createdBy: r.created_by, modifiedBy: r.modified_by,
});

/** A compiled `$filter`: SQL over the items table with its parameters. */
export interface SqlCondition {
  sql: string;
  params: (string | number | null)[];
}

export interface ItemQuery {
  listId: string;
  where?: SqlCondition;
  orderBy?: { column: string; descending: boolean }[];
  /** Keyset: only items with a larger id (used when there is no `$orderby`). */
  afterId?: number;
  offset?: number;
  limit: number;
}

export class ItemsStore {
  constructor(private readonly db: Db) {}

  create(listId: string, fields: Record<string, FieldValue>, by: string, at: Date): ItemRecord {
    return this.insertMany(listId, [fields], by, at)[0] as ItemRecord;
  }

  /** Inserts many items in one transaction (seeding and tests); ids follow the list's counter. */
  insertMany(listId: string, many: Record<string, FieldValue>[], by: string, at: Date): ItemRecord[] {
    const when = isoSeconds(at);
    const nextId = this.db.prepare('UPDATE lists SET next_item_id = next_item_id + 1 WHERE id = ? RETURNING next_item_id - 1 AS id');
    const insert = this.db.prepare(`INSERT INTO items (list_id, id, unique_id, version, fields, created, modified, created_by, modified_by)
                                    VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)`);
    const ids = this.db.transaction(() =>
      many.map((fields) => {
        const { id } = nextId.get(listId) as { id: number };
        insert.run(listId, id, newGuid(), JSON.stringify(fields), when, when, by, by);
        return id;
      }),
    )();
    return ids.map((id) => this.get(listId, id) as ItemRecord);
  }

  get(listId: string, id: number): ItemRecord | undefined {
    const row = this.db.prepare('SELECT * FROM items WHERE list_id = ? AND id = ?').get(listId, id) as ItemRow | undefined;
    return row && toItem(row);
  }

  update(listId: string, id: number, fields: Record<string, FieldValue>, by: string, at: Date): ItemRecord {
    this.db
      .prepare('UPDATE items SET fields = ?, version = version + 1, modified = ?, modified_by = ? WHERE list_id = ? AND id = ?')
      .run(JSON.stringify(fields), isoSeconds(at), by, listId, id);
    return this.get(listId, id) as ItemRecord;
  }

  delete(listId: string, id: number): void {
    this.db.prepare('DELETE FROM items WHERE list_id = ? AND id = ?').run(listId, id);
  }

  /** Items of the list, or those matching `where`. */
  count(listId: string, where?: SqlCondition): number {
    const sql = `SELECT COUNT(*) AS n FROM items WHERE list_id = ?${where ? ` AND (${where.sql})` : ''}`;
    return (this.db.prepare(sql).get(listId, ...(where?.params ?? [])) as { n: number }).n;
  }

  /** An item other than `exceptId` whose column holds `value` (case-insensitive for text, as SharePoint). */
  findWithValue(listId: string, column: string, value: FieldValue, exceptId?: number): number | undefined {
    const expr = fieldSqlExpression(column);
    const v = typeof value === 'boolean' ? Number(value) : value;
    const row = this.db
      .prepare(`SELECT id FROM items WHERE list_id = ? AND ${expr} = ? COLLATE NOCASE AND id <> ? LIMIT 1`)
      .get(listId, v, exceptId ?? -1) as { id: number } | undefined;
    return row?.id;
  }

  /** Values of a column that occur more than once (before enforcing uniqueness on existing data). */
  hasDuplicates(listId: string, column: string): boolean {
    const expr = fieldSqlExpression(column);
    return this.db
      .prepare(`SELECT 1 FROM items WHERE list_id = ? AND ${expr} IS NOT NULL GROUP BY ${expr} COLLATE NOCASE HAVING COUNT(*) > 1 LIMIT 1`)
      .get(listId) !== undefined;
  }

  query(q: ItemQuery): ItemRecord[] {
    const clauses = ['list_id = ?'];
    const params: (string | number | null)[] = [q.listId];
    if (q.where) {
      clauses.push(`(${q.where.sql})`);
      params.push(...q.where.params);
    }
    if (q.afterId !== undefined) {
      clauses.push('id > ?');
      params.push(q.afterId);
    }
    const order = [...(q.orderBy ?? []).map((o) => `${fieldSqlExpression(o.column)} ${o.descending ? 'DESC' : 'ASC'}`), 'id ASC'];
    const sql = `SELECT * FROM items WHERE ${clauses.join(' AND ')} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`;
    params.push(q.limit, q.offset ?? 0);
    return (this.db.prepare(sql).all(...params) as ItemRow[]).map(toItem);
  }
}
