import type { AuditLog, CaseFolders } from '../../workflow';

export function describeAuditLogContract(name: string, make: () => Promise<{ audit: AuditLog; cleanup?: () => Promise<void> }>): void {
  describe(`${name}: audit log contract`, () => {
    it('is append-only, idempotent by key, and returns a case\'s entries in order', async () => {
      const { audit, cleanup } = await make();
      await audit.append({ at: '2026-09-14T09:00:00.000Z', actorId: 'a', action: 'case.read', caseId: 'c1', detail: {} }, 'k1');
      await audit.append({ at: '2026-09-14T09:00:01.000Z', actorId: 'b', action: 'record.chronology', caseId: 'c1', detail: { recordId: '3' } }, 'k2');
      await audit.append({ at: '2026-09-14T09:00:01.000Z', actorId: 'b', action: 'record.chronology', caseId: 'c1', detail: { recordId: '3' } }, 'k2');
      await audit.append({ at: '2026-09-14T09:00:02.000Z', actorId: 'a', action: 'case.read', caseId: 'c2', detail: {} }, 'k3');
      const entries = await audit.forCase('c1');
      expect(entries.map((e) => e.action)).toEqual(['case.read', 'record.chronology']);
      expect(entries[1]).toEqual({ at: '2026-09-14T09:00:01.000Z', actorId: 'b', action: 'record.chronology', caseId: 'c1', detail: { recordId: '3' } });
      await cleanup?.();
    });
  });
}

export function describeCaseFoldersContract(name: string, make: () => Promise<{ folders: CaseFolders; cleanup?: () => Promise<void> }>): void {
  describe(`${name}: case folders contract`, () => {
    it('ensureCaseFolder twice gives the same folder; an upload is listed', async () => {
      const { folders, cleanup } = await make();
      const a = await folders.ensureCaseFolder('C-000001 Testfield', 'OC-26-00001');
      const b = await folders.ensureCaseFolder('C-000001 Testfield', 'OC-26-00001');
      expect(b.id).toBe(a.id);
      const other = await folders.ensureCaseFolder('C-000001 Testfield', 'OC-27-00002');
      expect(other.id).not.toBe(a.id);
      const file = await folders.upload(a, 'Report OC-26-00001.html', new TextEncoder().encode('<p>hi</p>'), 'text/html');
      expect(file.name).toBe('Report OC-26-00001.html');
      expect((await folders.list(a)).map((f) => f.name)).toEqual(['Report OC-26-00001.html']);
      expect(await folders.list(other)).toEqual([]);
      await cleanup?.();
    });
  });
}
