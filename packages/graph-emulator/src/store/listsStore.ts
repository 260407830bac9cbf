import type { Db } from './database';
import { newGuid } from './ids';
import type { ColumnRecord, ColumnType, ListRecord, ListTemplate } from './records';

interface ListRow {
  id: string; site_id: string; name: string; display_name: string; description: string; template: string;
  created: string; modified: string; etag_guid: string; version: number; drive_id: string | null; created_by: string;
}
interface ColumnRow {
  id: string; list_id: string; name: string; display_name: string; description: string; type: string; facet: string;
  indexed: number; enforce_unique: number; required: number; hidden: number; read_only: number; position: number;
}

const toList = (r: ListRow): ListRecord => ({
  id: r.id, siteId: r.site_id, name: r.name, displayName: r.display_name, description: r.description,
  template: r.template as ListTemplate, created: r.created, modified: r.modified, etagGuid: r.etag_guid,
  version: r.version, driveId: r.drive_id, createdBy: r.created_by,
});

const toColumn = (r: ColumnRow): ColumnRecord => ({
  id: r.id, listId: r.list_id, name: r.name, displayName: r.display_name, description: r.description,
  type: r.type as ColumnType, facet: JSON.parse(r.facet) as Record<string, unknown>, indexed: r.indexed === 1,
  enforceUniqueValues: r.enforce_unique === 1, required: r.required === 1, hidden: r.hidden === 1,
  readOnly: r.read_only === 1, position: r.position,
});

export type NewColumn = Omit<ColumnRecord, 'id' | 'listId' | 'position'> & { id?: string };

/** The JSON path expression list item queries use for a column; indexes are built on the same text. */
export const fieldSqlExpression = (columnName: string): string => {
  switch (columnName) {
    case 'id': return 'id';
    case 'Created': return 'created';
    case 'Modified': return 'modified';
    default: return `json_extract(fields, '$.${columnName}')`;
  }
};

export class ListsStore {
  constructor(private readonly db: Db) {}

  create(input: {
    siteId: string; name: string; displayName: string; description: string; template: ListTemplate;
    driveId: string | null; createdBy: string; at: Date; columns: NewColumn[];
  }): ListRecord {
    const id = newGuid();
    const at = input.at.toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO lists (id, site_id, name, display_name, description, template, created, modified, etag_guid, drive_id, created_by)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, input.siteId, input.name, input.displayName, input.description, input.template, at, at, newGuid(), input.driveId, input.createdBy);
      for (const c of input.columns) this.addColumn(id, c);
    })();
    return this.byId(id) as ListRecord;
  }

  byId(id: string): ListRecord | undefined {
    const row = this.db.prepare('SELECT * FROM lists WHERE id = ? COLLATE NOCASE').get(id) as ListRow | undefined;
    return row && toList(row);
  }

  /** Graph accepts a list's id or its title (display name) in the path. */
  byRef(siteId: string, ref: string): ListRecord | undefined {
    const row = this.db
      .prepare(`SELECT * FROM lists WHERE site_id = @siteId
                AND (id = @ref COLLATE NOCASE OR display_name = @ref COLLATE NOCASE OR name = @ref COLLATE NOCASE)
                ORDER BY (id = @ref COLLATE NOCASE) DESC LIMIT 1`)
      .get({ siteId, ref }) as ListRow | undefined;
    return row && toList(row);
  }

  byDriveId(driveId: string): ListRecord | undefined {
    const row = this.db.prepare('SELECT * FROM lists WHERE drive_id = ?').get(driveId) as ListRow | undefined;
    return row && toList(row);
  }

  bySite(siteId: string): ListRecord[] {
    return (this.db.prepare('SELECT * FROM lists WHERE site_id = ? ORDER BY created, rowid').all(siteId) as ListRow[]).map(toList);
  }

  nameTaken(siteId: string, displayName: string, name: string): boolean {
    return this.db
      .prepare('SELECT 1 FROM lists WHERE site_id = ? AND (display_name = ? COLLATE NOCASE OR name = ? COLLATE NOCASE)')
      .get(siteId, displayName, name) !== undefined;
  }

  touch(listId: string, at: Date): void {
    this.db.prepare('UPDATE lists SET modified = ?, version = version + 1 WHERE id = ?').run(at.toISOString(), listId);
  }

  columns(listId: string): ColumnRecord[] {
    return (this.db.prepare('SELECT * FROM columns WHERE list_id = ? ORDER BY position').all(listId) as ColumnRow[]).map(toColumn);
  }

  column(listId: string, ref: string): ColumnRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM columns WHERE list_id = ? AND (id = ? COLLATE NOCASE OR name = ?)')
      .get(listId, ref, ref) as ColumnRow | undefined;
    return row && toColumn(row);
  }

  addColumn(listId: string, c: NewColumn): ColumnRecord {
    const id = c.id ?? newGuid();
    const position = (this.db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM columns WHERE list_id = ?').get(listId) as { p: number }).p;
    this.db
      .prepare(`INSERT INTO columns (id, list_id, name, display_name, description, type, facet, indexed, enforce_unique, required, hidden, read_only, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, listId, c.name, c.displayName, c.description, c.type, JSON.stringify(c.facet), +c.indexed, +c.enforceUniqueValues,
        +c.required, +c.hidden, +c.readOnly, position);
    if (c.indexed) this.ensureSqlIndex(c.name);
    return this.column(listId, id) as ColumnRecord;
  }

  updateColumn(listId: string, id: string, change: Partial<Pick<ColumnRecord, 'displayName' | 'description' | 'indexed' | 'enforceUniqueValues' | 'required' | 'hidden'>>): ColumnRecord {
    const current = this.column(listId, id);
    if (!current) throw new Error(`column ${id} vanished`);
    const next = { ...current, ...change };
    this.db
      .prepare('UPDATE columns SET display_name = ?, description = ?, indexed = ?, enforce_unique = ?, required = ?, hidden = ? WHERE list_id = ? AND id = ?')
      .run(next.displayName, next.description, +next.indexed, +next.enforceUniqueValues, +next.required, +next.hidden, listId, current.id);
    if (next.indexed) this.ensureSqlIndex(next.name);
    return this.column(listId, current.id) as ColumnRecord;
  }

  /** Removes a column's definition (items keep the value in their fields, unseen, as SharePoint drops it from view). */
  deleteColumn(listId: string, id: string): void {
    this.db.prepare('DELETE FROM columns WHERE list_id = ? AND id = ?').run(listId, id);
  }

  /**
   * SharePoint's column index, as an SQLite expression index shared by every list having a column of that
   * name (column names are restricted to letters, digits and underscores, so the name is safe in SQL).
   */
  private ensureSqlIndex(columnName: string): void {
    const expr = fieldSqlExpression(columnName);
    if (!expr.startsWith('json_extract')) return;
    this.db.exec(`CREATE INDEX IF NOT EXISTS "ix_items_${columnName}" ON items (list_id, ${expr} COLLATE NOCASE)`);
  }
}
