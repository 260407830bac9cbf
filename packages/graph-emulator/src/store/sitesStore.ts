import type { Db } from './database';
import { newGuid } from './ids';
import type { SiteRecord } from './records';

interface SiteRow { id: string; hostname: string; path: string; name: string; display_name: string; created: string }

const toSite = (r: SiteRow): SiteRecord => ({
  id: r.id, hostname: r.hostname, path: r.path, name: r.name, displayName: r.display_name, created: r.created,
});

export class SitesStore {
  constructor(private readonly db: Db) {}

  /** Site ids look like Graph's: `{hostname},{site collection guid},{web guid}`. */
  create(input: { hostname: string; path: string; displayName: string; at: Date }): SiteRecord {
    const id = `${input.hostname},${newGuid()},${newGuid()}`;
    const name = input.path.split('/').filter(Boolean).pop() ?? input.displayName;
    this.db
      .prepare('INSERT INTO sites (id, hostname, path, name, display_name, created) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, input.hostname.toLowerCase(), input.path.toLowerCase(), name, input.displayName, input.at.toISOString());
    return this.byId(id) as SiteRecord;
  }

  byId(id: string): SiteRecord | undefined {
    const row = this.db.prepare('SELECT * FROM sites WHERE id = ? COLLATE NOCASE').get(id) as SiteRow | undefined;
    return row && toSite(row);
  }

  byPath(hostname: string, path: string): SiteRecord | undefined {
    const clean = '/' + path.split('/').filter(Boolean).join('/');
    const row = this.db
      .prepare('SELECT * FROM sites WHERE hostname = ? AND path = ?')
      .get(hostname.toLowerCase(), clean.toLowerCase()) as SiteRow | undefined;
    return row && toSite(row);
  }

  all(): SiteRecord[] {
    return (this.db.prepare('SELECT * FROM sites ORDER BY created').all() as SiteRow[]).map(toSite);
  }
}
