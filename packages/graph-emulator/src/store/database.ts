import Database from 'better-sqlite3';

export type Db = Database.Database;

const schema = `
CREATE TABLE IF NOT EXISTS sites (
  id TEXT PRIMARY KEY, hostname TEXT NOT NULL, path TEXT NOT NULL, name TEXT NOT NULL,
  display_name TEXT NOT NULL, created TEXT NOT NULL, UNIQUE (hostname, path));
CREATE TABLE IF NOT EXISTS lists (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL REFERENCES sites(id), name TEXT NOT NULL, display_name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '', template TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL,
  etag_guid TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1, next_item_id INTEGER NOT NULL DEFAULT 1,
  drive_id TEXT UNIQUE, created_by TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS lists_site ON lists(site_id);
CREATE TABLE IF NOT EXISTS columns (
  id TEXT NOT NULL, list_id TEXT NOT NULL REFERENCES lists(id), name TEXT NOT NULL, display_name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '', type TEXT NOT NULL, facet TEXT NOT NULL DEFAULT '{}',
  indexed INTEGER NOT NULL DEFAULT 0, enforce_unique INTEGER NOT NULL DEFAULT 0, required INTEGER NOT NULL DEFAULT 0,
  hidden INTEGER NOT NULL DEFAULT 0, read_only INTEGER NOT NULL DEFAULT 0, position INTEGER NOT NULL,
  PRIMARY KEY (list_id, id), UNIQUE (list_id, name));
CREATE TABLE IF NOT EXISTS items (
  list_id TEXT NOT NULL REFERENCES lists(id), id INTEGER NOT NULL, unique_id TEXT NOT NULL, version INTEGER NOT NULL,
  fields TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL, created_by TEXT NOT NULL, modified_by TEXT NOT NULL,
  PRIMARY KEY (list_id, id));
CREATE TABLE IF NOT EXISTS drive_items (
  id TEXT PRIMARY KEY, drive_id TEXT NOT NULL, parent_id TEXT, name TEXT NOT NULL, is_folder INTEGER NOT NULL,
  content BLOB, mime_type TEXT, size INTEGER NOT NULL DEFAULT 0, etag_guid TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
  created TEXT NOT NULL, modified TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS drive_items_name ON drive_items(drive_id, parent_id, name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, display_name TEXT NOT NULL, mail TEXT NOT NULL UNIQUE COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY, sender TEXT NOT NULL, sent TEXT NOT NULL, message TEXT NOT NULL, recipients TEXT NOT NULL,
  save_to_sent INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY, owner TEXT NOT NULL, start_utc TEXT NOT NULL, end_utc TEXT NOT NULL, event TEXT NOT NULL,
  created TEXT NOT NULL, modified TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS events_time ON events(start_utc, end_utc);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS calendar_settings (mail TEXT PRIMARY KEY COLLATE NOCASE, settings TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS directory_objects (
  kind TEXT NOT NULL, id TEXT NOT NULL, parent TEXT NOT NULL DEFAULT '', body TEXT NOT NULL, created TEXT NOT NULL,
  PRIMARY KEY (kind, id));
CREATE INDEX IF NOT EXISTS directory_objects_parent ON directory_objects(kind, parent);
`;

/** Opens (or creates) the emulator database; `:memory:` for tests. */
export const openDatabase = (file: string): Db => {
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.exec(schema);
  return db;
};

export const wipeDatabase = (db: Db): void => {
  const indexes = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_items_%'`)
    .all() as { name: string }[];
  db.transaction(() => {
    for (const ix of indexes) db.exec(`DROP INDEX IF EXISTS "${ix.name}"`);
    for (const t of ['items', 'columns', 'drive_items', 'lists', 'sites', 'users', 'messages', 'events', 'meta', 'calendar_settings', 'directory_objects']) db.exec(`DELETE FROM ${t}`);
  })();
};
