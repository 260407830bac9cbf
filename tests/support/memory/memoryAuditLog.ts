import { AuditEntry, type AuditLog } from '../../../workflow';
import { jsonCopy } from './jsonCopy';
import { columnKey, sameColumnValue } from './sharePointText';

/**
 * The audit log in memory: entries parsed as the SharePoint adapter parses them, never changed,
 * one per idempotency key, and read back per case oldest first (ties in the order appended).
 */
export class MemoryAuditLog implements AuditLog {
  private readonly entries: AuditEntry[] = [];
  private readonly keys = new Set<string>();

  async append(entry: AuditEntry, idempotencyKey: string): Promise<void> {
    await Promise.resolve();
    const parsed = AuditEntry.parse(entry);
    if (this.keys.has(columnKey(idempotencyKey))) return;
    this.keys.add(columnKey(idempotencyKey));
    this.entries.push(jsonCopy(parsed));
  }

  async forCase(caseId: string): Promise<AuditEntry[]> {
    await Promise.resolve();
    return this.entries
      .filter((e) => sameColumnValue(e.caseId, caseId))
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((e) => jsonCopy(e));
  }

  /** Every entry in the order appended, with or without a case (for assertions in tests). */
  all(): AuditEntry[] {
    return this.entries.map((e) => jsonCopy(e));
  }
}
