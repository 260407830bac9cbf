import type { Db } from './database';
import { newOutlookId } from './ids';
import type { UserRecord } from './records';

/** A sent message as stored: the Graph `message` resource the caller sent, plus who sent it and when. */
export interface StoredMessage {
  id: string;
  sender: string;
  sent: string;
  message: Record<string, unknown>;
  recipients: string[];
  saveToSentItems: boolean;
}

interface MessageRow { id: string; sender: string; sent: string; message: string; recipients: string; save_to_sent: number }

const toMessage = (r: MessageRow): StoredMessage => ({
  id: r.id, sender: r.sender, sent: r.sent, message: JSON.parse(r.message) as Record<string, unknown>,
  recipients: JSON.parse(r.recipients) as string[], saveToSentItems: r.save_to_sent === 1,
});

export class MailStore {
  constructor(private readonly db: Db) {}

  add(input: { sender: string; message: Record<string, unknown>; recipients: string[]; saveToSentItems: boolean; at: Date }): StoredMessage {
    const id = newOutlookId();
    this.db
      .prepare('INSERT INTO messages (id, sender, sent, message, recipients, save_to_sent) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, input.sender.toLowerCase(), input.at.toISOString(), JSON.stringify(input.message),
        JSON.stringify(input.recipients.map((r) => r.toLowerCase())), +input.saveToSentItems);
    return { id, sender: input.sender.toLowerCase(), sent: input.at.toISOString(), message: input.message, recipients: input.recipients, saveToSentItems: input.saveToSentItems };
  }

  all(): StoredMessage[] {
    return (this.db.prepare('SELECT * FROM messages ORDER BY sent DESC, rowid DESC').all() as MessageRow[]).map(toMessage);
  }

  /** Messages received by any of the given addresses (lower case). */
  receivedBy(addresses: string[]): StoredMessage[] {
    const wanted = new Set(addresses.map((a) => a.toLowerCase()));
    return this.all().filter((m) => m.recipients.some((r) => wanted.has(r)));
  }

  sentBy(addresses: string[]): StoredMessage[] {
    const wanted = new Set(addresses.map((a) => a.toLowerCase()));
    return this.all().filter((m) => m.saveToSentItems && wanted.has(m.sender));
  }
}

interface UserRow { id: string; display_name: string; mail: string }

export class UsersStore {
  constructor(private readonly db: Db) {}

  upsert(user: UserRecord): UserRecord {
    this.db
      .prepare('INSERT INTO users (id, display_name, mail) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, mail = excluded.mail')
      .run(user.id, user.displayName, user.mail);
    return user;
  }

  /** A user by object id or by mail address (Graph accepts either in `/users/{id}`). */
  find(ref: string): UserRecord | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ? COLLATE NOCASE OR mail = ? COLLATE NOCASE').get(ref, ref) as UserRow | undefined;
    return row && { id: row.id, displayName: row.display_name, mail: row.mail };
  }

  all(): UserRecord[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY display_name').all() as UserRow[]).map((r) => ({ id: r.id, displayName: r.display_name, mail: r.mail }));
  }
}
