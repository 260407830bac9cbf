import type { Case, CaseRecord, Child, Contract, Purchase, School, Staff, Stores } from '../../../workflow';
import { MemoryEntityStore } from './memoryEntityStore';

/** The seven lists in memory, with the indexed and unique columns the SharePoint lists have. */
export function memoryStores() {
  return {
    staff: new MemoryEntityStore<Staff, 'id' | 'userId' | 'email' | 'active'>('Staff', {
      indexed: ['id', 'userId', 'email', 'active'],
      unique: ['userId'],
    }),
    schools: new MemoryEntityStore<School, 'id' | 'urn'>('Schools', { indexed: ['id', 'urn'], unique: ['urn'] }),
    children: new MemoryEntityStore<Child, 'id' | 'matchKey' | 'schoolId' | 'reference'>('Children', {
      indexed: ['id', 'matchKey', 'schoolId', 'reference'],
      unique: ['reference', 'matchKey'],
    }),
    cases: new MemoryEntityStore<Case, 'id' | 'reference' | 'childId' | 'schoolId' | 'workerId' | 'status'>('Cases', {
      indexed: ['id', 'reference', 'childId', 'schoolId', 'workerId', 'status'],
      unique: ['reference'],
    }),
    records: new MemoryEntityStore<CaseRecord, 'id' | 'caseId'>('CaseRecords', { indexed: ['id', 'caseId'] }),
    contracts: new MemoryEntityStore<Contract, 'id' | 'caseId' | 'status'>('Contracts', { indexed: ['id', 'caseId', 'status'] }),
    purchases: new MemoryEntityStore<Purchase, 'id' | 'schoolId' | 'financialYear' | 'caseId'>('Purchases', {
      indexed: ['id', 'schoolId', 'financialYear', 'caseId'],
    }),
  } satisfies Stores;
}

export type MemoryStores = ReturnType<typeof memoryStores>;
