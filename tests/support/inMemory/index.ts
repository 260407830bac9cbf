import type { Case, CaseRecord, Child, Contract, Purchase, School, Staff, Stores } from '../../../workflow';
import { MemoryEntityStore } from './memoryEntityStore';
import { FixedClock, MemoryAuditLog, MemoryCalendar, MemoryCaseFolders, MemoryMailer, MemoryNotifier, SequenceIds } from './services';

export * from './memoryEntityStore';
export * from './services';

export function memoryStores(): Stores {
  return {
    staff: new MemoryEntityStore<Staff, 'id' | 'userId' | 'email' | 'active'>('Staff', ['id', 'userId', 'email', 'active'], ['userId']),
    schools: new MemoryEntityStore<School, 'id' | 'urn'>('Schools', ['id', 'urn'], ['urn']),
    children: new MemoryEntityStore<Child, 'id' | 'matchKey' | 'schoolId' | 'reference'>('Children', ['id', 'matchKey', 'schoolId', 'reference'], ['reference', 'matchKey']),
    cases: new MemoryEntityStore<Case, 'id' | 'reference' | 'childId' | 'schoolId' | 'workerId' | 'status'>(
      'Cases',
      ['id', 'reference', 'childId', 'schoolId', 'workerId', 'status'],
      ['reference'],
    ),
    records: new MemoryEntityStore<CaseRecord, 'id' | 'caseId'>('CaseRecords', ['id', 'caseId']),
    contracts: new MemoryEntityStore<Contract, 'id' | 'caseId' | 'status'>('Contracts', ['id', 'caseId', 'status']),
    purchases: new MemoryEntityStore<Purchase, 'id' | 'schoolId' | 'financialYear' | 'caseId'>('Purchases', ['id', 'schoolId', 'financialYear', 'caseId']),
  };
}

/** Every port of the workflow in memory (config is added by the caller). */
export function memoryDeps() {
  return {
    stores: memoryStores(),
    audit: new MemoryAuditLog(),
    folders: new MemoryCaseFolders(),
    mailer: new MemoryMailer(),
    notifier: new MemoryNotifier(),
    calendar: new MemoryCalendar(),
    clock: new FixedClock(),
    ids: new SequenceIds(),
  };
}
