import type { Meeting, CardCopy, Case, CaseRecord, Child, Contract, ConversationReference, Purchase, School, ServiceSetting, Staff, Stores } from '../../../workflow';
import { MemoryEntityStore } from './memoryEntityStore';

/** The lists in memory, with the indexed and unique columns the SharePoint lists have. */
export function memoryStores() {
  return {
    staff: new MemoryEntityStore<Staff, 'userId' | 'email' | 'active'>('Staff', {
      indexed: ['userId', 'email', 'active'],
      unique: ['userId'],
    }),
    schools: new MemoryEntityStore<School, 'urn'>('Schools', { indexed: ['urn'], unique: ['urn'] }),
    children: new MemoryEntityStore<Child, 'matchKey' | 'schoolId' | 'reference'>('Children', {
      indexed: ['matchKey', 'schoolId', 'reference'],
      unique: ['reference', 'matchKey'],
    }),
    cases: new MemoryEntityStore<Case, 'reference' | 'childId' | 'schoolId' | 'workerId' | 'status' | 'closedMonth'>('Cases', {
      indexed: ['reference', 'childId', 'schoolId', 'workerId', 'status', 'closedMonth'],
      unique: ['reference'],
    }),
    records: new MemoryEntityStore<CaseRecord, 'caseId' | 'safeguarding'>('CaseRecords', { indexed: ['caseId', 'safeguarding'] }),
    contracts: new MemoryEntityStore<Contract, 'caseId' | 'status'>('Contracts', { indexed: ['caseId', 'status'] }),
    meetings: new MemoryEntityStore<Meeting, 'caseId' | 'status'>('Meetings', { indexed: ['caseId', 'status'] }),
    purchases: new MemoryEntityStore<Purchase, 'schoolId' | 'financialYear' | 'caseId'>('Purchases', {
      indexed: ['schoolId', 'financialYear', 'caseId'],
    }),
    conversations: new MemoryEntityStore<ConversationReference, 'userId' | 'stale'>('ConversationReferences', {
      indexed: ['userId', 'stale'],
      unique: ['userId'],
    }),
    cardCopies: new MemoryEntityStore<CardCopy, 'subject'>('CardCopies', { indexed: ['subject'] }),
    settings: new MemoryEntityStore<ServiceSetting, 'key'>('ServiceSettings', { indexed: ['key'], unique: ['key'] }),
  } satisfies Stores;
}

export type MemoryStores = ReturnType<typeof memoryStores>;
