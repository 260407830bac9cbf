import type { Db } from './database';
import { newDriveItemId, newGuid } from './ids';
import type { DriveItemRecord } from './records';

interface DriveItemRow {
  id: string; drive_id: string; parent_id: string | null; name: string; is_folder: number; mime_type: string | null;
  size: number; etag_guid: string; version: number; created: string; modified: string;
}

const columns = 'id, drive_id, parent_id, name, is_folder, mime_type, size, etag_guid, version, created, modified';

const toDriveItem = (r: DriveItemRow): DriveItemRecord => ({
  id: r.id, driveId: r.drive_id, parentId: r.parent_id, name: r.name, isFolder: r.is_folder === 1, mimeType: r.mime_type,
  size: r.size, etagGuid: r.etag_guid, version: r.version, created: r.created, modified: r.modified,
});

export class DriveStore {
  constructor(private readonly db: Db) {}

  createRoot(driveId: string, at: Date): DriveItemRecord {
    return this.insert({ driveId, parentId: null, name: 'root', isFolder: true, at });
  }

  root(driveId: string): DriveItemRecord | undefined {
    const row = this.db.prepare(`SELECT ${columns} FROM drive_items WHERE drive_id = ? AND parent_id IS NULL`).get(driveId) as DriveItemRow | undefined;
    return row && toDriveItem(row);
  }

  get(driveId: string, id: string): DriveItemRecord | undefined {
    const row = this.db.prepare(`SELECT ${columns} FROM drive_items WHERE drive_id = ? AND id = ?`).get(driveId, id) as DriveItemRow | undefined;
    return row && toDriveItem(row);
  }

  child(driveId: string, parentId: string, name: string): DriveItemRecord | undefined {
    const row = this.db
      .prepare(`SELECT ${columns} FROM drive_items WHERE drive_id = ? AND parent_id = ? AND name = ? COLLATE NOCASE`)
      .get(driveId, parentId, name) as DriveItemRow | undefined;
    return row && toDriveItem(row);
  }

  children(driveId: string, parentId: string, offset: number, limit: number): DriveItemRecord[] {
    return (this.db
      .prepare(`SELECT ${columns} FROM drive_items WHERE drive_id = ? AND parent_id = ? ORDER BY name COLLATE NOCASE LIMIT ? OFFSET ?`)
      .all(driveId, parentId, limit, offset) as DriveItemRow[]).map(toDriveItem);
  }

  childCount(driveId: string, parentId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM drive_items WHERE drive_id = ? AND parent_id = ?').get(driveId, parentId) as { n: number }).n;
  }

  createFolder(driveId: string, parentId: string, name: string, at: Date): DriveItemRecord {
    return this.insert({ driveId, parentId, name, isFolder: true, at });
  }

  createFile(driveId: string, parentId: string, name: string, content: Buffer, mimeType: string, at: Date): DriveItemRecord {
    return this.insert({ driveId, parentId, name, isFolder: false, content, mimeType, at });
  }

  replaceContent(driveId: string, id: string, content: Buffer, mimeType: string, at: Date): DriveItemRecord {
    this.db
      .prepare('UPDATE drive_items SET content = ?, mime_type = ?, size = ?, version = version + 1, modified = ? WHERE drive_id = ? AND id = ?')
      .run(content, mimeType, content.length, at.toISOString(), driveId, id);
    return this.get(driveId, id) as DriveItemRecord;
  }

  /** Removes an item and everything under it. */
  delete(driveId: string, id: string): void {
    this.db
      .prepare(`WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT d.id FROM drive_items d JOIN sub ON d.parent_id = sub.id)
                DELETE FROM drive_items WHERE drive_id = ? AND id IN (SELECT id FROM sub)`)
      .run(id, driveId);
  }

  content(driveId: string, id: string): Buffer | undefined {
    const row = this.db.prepare('SELECT content FROM drive_items WHERE drive_id = ? AND id = ?').get(driveId, id) as { content: Buffer | null } | undefined;
    return row?.content ?? undefined;
  }

  /** Names from the root down to (and including) the item, root excluded. */
  pathOf(driveId: string, id: string): string[] {
    const names: string[] = [];
    let current = this.get(driveId, id);
    while (current && current.parentId !== null) {
      names.unshift(current.name);
      current = this.get(driveId, current.parentId);
    }
    return names;
  }

  private insert(i: { driveId: string; parentId: string | null; name: string; isFolder: boolean; content?: Buffer; mimeType?: string; at: Date }): DriveItemRecord {
    const id = newDriveItemId();
    const at = i.at.toISOString();
    this.db
      .prepare(`INSERT INTO drive_items (id, drive_id, parent_id, name, is_folder, content, mime_type, size, etag_guid, created, modified)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, i.driveId, i.parentId, i.name, +i.isFolder, i.content ?? null, i.mimeType ?? null, i.content?.length ?? 0, newGuid(), at, at);
    return this.get(i.driveId, id) as DriveItemRecord;
  }
}
