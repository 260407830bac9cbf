import type { AuditEntry, AuditLog } from '../../workflow';
import { freshIdempotencyKey, freshItemId } from './samples/fresh';
import { scramble } from './scramble';

export interface AuditLogUnderTest {
  audit: AuditLog;
  cleanup?: () => Promise<void>;
}

const manager = '6f1c2a9e-3b4d-4e8f-9a10-2c3d4e5f6a7b';
const worker = '0b7d4c21-9e6f-4a58-8c3b-5d2e1f0a9c84';

const entry = (caseId: string | undefined, at: string, action: string, detail: Record<string, string> = {}): AuditEntry => ({
  at,
  actorId: worker,
  action,
  ...(caseId === undefined ? {} : { caseId }),
  detail,
});

/** The contract of the append-only audit log (memory, and the SharePoint AuditLog list). */
export function describeAuditLogContract(name: string, make: () => Promise<AuditLogUnderTest>): void {
  describe(`${name}: AuditLog contract`, () => {
    let subject: AuditLogUnderTest;
    const audit = () => subject.audit;
    const append = (e: AuditEntry) => audit().append(e, freshIdempotencyKey());

    beforeEach(async () => {
      subject = await make();
    });
    afterEach(async () => {
      await subject.cleanup?.();
    });

    it('entries appended for a case come back exactly, detail included', async () => {
      const caseId = freshItemId();
      const read = entry(caseId, '2026-09-14T09:00:00.000Z', 'case.read');
      const recorded = { ...entry(caseId, '2026-09-14T09:05:00.000Z', 'record.created', { recordId: freshItemId(), step: '4' }), actorId: manager };
      await append(read);
      await append(recorded);
      expect(await audit().forCase(caseId)).toStrictEqual([read, recorded]);
    });

    it('an append repeated with the same idempotency key adds nothing, even with other content', async () => {
      const caseId = freshItemId();
      const key = freshIdempotencyKey();
      const first = entry(caseId, '2026-09-14T09:00:00.000Z', 'contract.approved', { contractId: freshItemId() });
      await audit().append(first, key);
      await audit().append(first, key);
      await audit().append(entry(caseId, '2026-09-14T09:01:00.000Z', 'contract.declined'), key);
      expect(await audit().forCase(caseId)).toStrictEqual([first]);
    });

    it('forCase returns only that case\'s entries; a case with none gives an empty list', async () => {
      const caseId = freshItemId();
      const otherCaseId = freshItemId();
      const mine = entry(caseId, '2026-09-14T09:00:00.000Z', 'case.read');
      await append(mine);
      await append(entry(otherCaseId, '2026-09-14T09:00:00.000Z', 'case.read'));
      await append(entry(undefined, '2026-09-14T09:00:00.000Z', 'staff.list'));
      expect(await audit().forCase(caseId)).toStrictEqual([mine]);
      expect(await audit().forCase(freshItemId())).toEqual([]);
    });

    it('a case\'s entries come back oldest first, entries at the same instant in the order appended', async () => {
      const caseId = freshItemId();
      const appended = [
        entry(caseId, '2026-09-14T09:00:02.000Z', 'late'),
        entry(caseId, '2026-09-14T09:00:00.000Z', 'first'),
        entry(caseId, '2026-09-14T09:00:03.000Z', 'tie-one'),
        entry(caseId, '2026-09-14T09:00:03.000Z', 'tie-two'),
        entry(caseId, '2026-09-14T09:00:01.000Z', 'second'),
      ];
      for (const e of appended) await append(e);
      expect((await audit().forCase(caseId)).map((e) => e.action)).toEqual(['first', 'second', 'late', 'tie-one', 'tie-two']);
    });

    it('is append-only as far as callers can tell: changing what was appended or read changes nothing stored', async () => {
      const caseId = freshItemId();
      const appended = entry(caseId, '2026-09-14T09:00:00.000Z', 'record.locked', { recordId: freshItemId() });
      const expected = structuredClone(appended);
      await append(appended);
      scramble(appended);
      scramble(await audit().forCase(caseId));
      expect(await audit().forCase(caseId)).toStrictEqual([expected]);
    });

    it('refuses an entry that is not an AuditEntry (detail holds ids and codes as strings only)', async () => {
      const caseId = freshItemId();
      const bad = { ...entry(caseId, '2026-09-14T09:00:00.000Z', 'case.read'), detail: { hours: 3 } } as unknown as AuditEntry;
      await expect(append(bad)).rejects.toThrow();
      expect(await audit().forCase(caseId)).toEqual([]);
    });
  });
}
