import type { Db } from './database';
import { newOutlookId } from './ids';

/** A calendar event: the Graph `event` resource as stored (start/end already in UTC) and its owner's mailbox. */
export interface StoredEvent {
  id: string;
  owner: string;
  startUtc: string;
  endUtc: string;
  event: Record<string, unknown>;
  created: string;
  modified: string;
  version: number;
}

interface EventRow { id: string; owner: string; start_utc: string; end_utc: string; event: string; created: string; modified: string; version: number }

const toEvent = (r: EventRow): StoredEvent => ({
  id: r.id, owner: r.owner, startUtc: r.start_utc, endUtc: r.end_utc, event: JSON.parse(r.event) as Record<string, unknown>,
  created: r.created, modified: r.modified, version: r.version,
});

export class EventsStore {
  constructor(private readonly db: Db) {}

  add(input: { owner: string; startUtc: string; endUtc: string; event: Record<string, unknown>; at: Date }): StoredEvent {
    const id = newOutlookId();
    const at = input.at.toISOString();
    this.db
      .prepare('INSERT INTO events (id, owner, start_utc, end_utc, event, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.owner.toLowerCase(), input.startUtc, input.endUtc, JSON.stringify(input.event), at, at);
    return this.get(id) as StoredEvent;
  }

  get(id: string): StoredEvent | undefined {
    const row = this.db.prepare('SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
    return row && toEvent(row);
  }

  update(id: string, change: { startUtc: string; endUtc: string; event: Record<string, unknown>; at: Date }): StoredEvent {
    this.db
      .prepare('UPDATE events SET start_utc = ?, end_utc = ?, event = ?, modified = ?, version = version + 1 WHERE id = ?')
      .run(change.startUtc, change.endUtc, JSON.stringify(change.event), change.at.toISOString(), id);
    return this.get(id) as StoredEvent;
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM events WHERE id = ?').run(id);
  }

  byOwner(owner: string): StoredEvent[] {
    return (this.db.prepare('SELECT * FROM events WHERE owner = ? ORDER BY start_utc').all(owner.toLowerCase()) as EventRow[]).map(toEvent);
  }

  /** Events overlapping [startUtc, endUtc). */
  overlapping(startUtc: string, endUtc: string): StoredEvent[] {
    return (this.db
      .prepare('SELECT * FROM events WHERE start_utc < ? AND end_utc > ? ORDER BY start_utc')
      .all(endUtc, startUtc) as EventRow[]).map(toEvent);
  }
}
