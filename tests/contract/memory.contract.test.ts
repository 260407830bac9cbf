import type { Case, CaseRecord } from '../../workflow';
import { MemoryAuditLog, MemoryCaseFolders, MemoryEntityStore } from '../support/inMemory';
import { describeEntityStoreContract } from './entityStoreContract';
import { changeCase, changeRecord, sampleCase, sampleRecord } from './samples';
import { describeAuditLogContract, describeCaseFoldersContract } from './servicesContract';

type CaseIndexed = 'id' | 'reference' | 'childId' | 'schoolId' | 'workerId' | 'status';

describeEntityStoreContract<Case, CaseIndexed>('memory Cases', {
  make: async () => ({ store: new MemoryEntityStore<Case, CaseIndexed>('Cases', ['id', 'reference', 'childId', 'schoolId', 'workerId', 'status'], ['reference']) }),
  sample: sampleCase,
  indexed: ['reference', 'schoolId', 'workerId', 'status'],
  change: changeCase,
});

describeEntityStoreContract<CaseRecord, 'id' | 'caseId'>('memory CaseRecords', {
  make: async () => ({ store: new MemoryEntityStore<CaseRecord, 'id' | 'caseId'>('CaseRecords', ['id', 'caseId']) }),
  sample: sampleRecord,
  indexed: ['caseId'],
  change: changeRecord,
});

describeAuditLogContract('memory', async () => ({ audit: new MemoryAuditLog() }));
describeCaseFoldersContract('memory', async () => ({ folders: new MemoryCaseFolders() }));
