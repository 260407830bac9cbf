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
  /**
   * Cancelled (`/cancel`, or DELETE by the organiser): the row is kept so the cancellation and its comment
   * can be shown (the diary page, tests), but Graph reads no longer see it, as Exchange moves it to
   * Deleted Items.
   */
  cancelled: { at: string; comment: string | null } | null;
}

interface EventRow { id: string; owner: string; start_utc: string; end_utc: string; event: string; created: string; modified: string; version: number }

const toEvent = (r: EventRow): StoredEvent => {
  const event = JSON.parse(r.event) as Record<string, unknown>;
  const cancelled = (event.cancellation as StoredEvent['cancelled'] | undefined) ?? null;
  return { id: r.id, owner: r.owner, startUtc: r.start_utc, endUtc: r.end_utc, event, created: r.created, modified: r.modified, version: r.version, cancelled };
};

const live = `json_extract(event, '$.cancellation') IS NULL`;

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

  /** The event, cancelled or not. */
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

  /** Keeps the event's state without a new version (the late Teams link counting reads). */
  rewrite(id: string, event: Record<string, unknown>): void {
    this.db.prepare('UPDATE events SET event = ? WHERE id = ?').run(JSON.stringify(event), id);
  }

  cancel(id: string, comment: string | null, at: Date): StoredEvent {
    const current = this.get(id);
    if (!current) throw new Error(`no event ${id}`);
    const event = { ...current.event, isCancelled: true, cancellation: { at: at.toISOString(), comment } };
    return this.update(id, { startUtc: current.startUtc, endUtc: current.endUtc, event, at });
  }

  /** The organiser's event created with this transactionId, cancelled ones included (Exchange remembers it). */
  byTransactionId(owner: string, transactionId: string): StoredEvent | undefined {
    const row = this.db
      .prepare(`SELECT * FROM events WHERE owner = ? AND json_extract(event, '$.transactionId') = ? ORDER BY created LIMIT 1`)
      .get(owner.toLowerCase(), transactionId) as EventRow | undefined;
    return row && toEvent(row);
  }

  /** The owner's events not cancelled, by start. */
  byOwner(owner: string): StoredEvent[] {
    return (this.db.prepare(`SELECT * FROM events WHERE owner = ? AND ${live} ORDER BY start_utc, rowid`).all(owner.toLowerCase()) as EventRow[]).map(toEvent);
  }

  /** Events overlapping [startUtc, endUtc), by start; cancelled ones only when asked. */
  overlapping(startUtc: string, endUtc: string, options: { includeCancelled?: boolean } = {}): StoredEvent[] {
    return (this.db
      .prepare(`SELECT * FROM events WHERE start_utc < ? AND end_utc > ? ${options.includeCancelled ? '' : `AND ${live}`} ORDER BY start_utc, rowid`)
      .all(endUtc, startUtc) as EventRow[]).map(toEvent);
  }

  /** Events the mailbox organises or is invited to, overlapping [startUtc, endUtc). */
  involving(address: string, startUtc: string, endUtc: string, options: { includeCancelled?: boolean } = {}): StoredEvent[] {
    const mail = address.toLowerCase();
    return this.overlapping(startUtc, endUtc, options).filter((e) => e.owner === mail || attendeeAddresses(e).includes(mail));
  }
}

/** The event's attendees' addresses, lower case. */
export const attendeeAddresses = (e: StoredEvent): string[] => {
  const attendees = (e.event.attendees ?? []) as { emailAddress?: { address?: string } }[];
  return attendees.map((a) => (a.emailAddress?.address ?? '').toLowerCase()).filter((a) => a.length > 0);
};
