import { AuditEntry, type AuditLog } from '../../workflow';
import type { SharePointListStore } from './listStore';

export type StoredAudit = AuditEntry & { id: string };

/** The append-only audit log as a SharePoint list: entries are created, never updated. */
export class SharePointAuditLog implements AuditLog {
  constructor(private readonly store: SharePointListStore<StoredAudit, 'caseId'>) {}

  async append(entry: AuditEntry, idempotencyKey: string): Promise<void> {
    await this.store.create(AuditEntry.parse(entry), idempotencyKey);
  }

  async forCase(caseId: string): Promise<AuditEntry[]> {
    const found = await this.store.find({ caseId });
    return found
      .sort((a, b) => a.at.localeCompare(b.at) || Number(a.id) - Number(b.id))
      .map(({ id: _id, etag: _etag, ...entry }) => entry);
  }
}
