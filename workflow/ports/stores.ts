import type { AuditEntry } from '../model/audit';
import type { Case } from '../model/case';
import type { Child } from '../model/child';
import type { Meeting } from '../model/meeting';
import type { Contract } from '../model/contract';
import type { CardCopy } from '../model/cardCopy';
import type { ConversationReference } from '../model/conversation';
import type { Purchase } from '../model/purchase';
import type { CaseRecord } from '../model/records';
import type { School } from '../model/school';
import type { ServiceSetting } from '../model/serviceSetting';
import type { Staff } from '../model/staff';
import type { EntityStore } from './store';

export type StaffStore = EntityStore<Staff, 'userId' | 'email' | 'active'>;
export type SchoolStore = EntityStore<School, 'urn'>;
export type ChildStore = EntityStore<Child, 'matchKey' | 'schoolId' | 'reference'>;
export type CaseStore = EntityStore<Case, 'reference' | 'childId' | 'schoolId' | 'workerId' | 'status' | 'closedMonth'>;
export type RecordStore = EntityStore<CaseRecord, 'caseId' | 'safeguarding'>;
export type ContractStore = EntityStore<Contract, 'caseId' | 'status'>;
export type ConversationReferenceStore = EntityStore<ConversationReference, 'userId' | 'stale'>;
export type CardCopyStore = EntityStore<CardCopy, 'subject'>;
export type MeetingStore = EntityStore<Meeting, 'caseId' | 'status'>;
export type PurchaseStore = EntityStore<Purchase, 'schoolId' | 'financialYear' | 'caseId'>;
/** The settings changed in the app (ServiceSettings list): one item per key. */
export type SettingStore = EntityStore<ServiceSetting, 'key'>;

export interface Stores {
  staff: StaffStore;
  schools: SchoolStore;
  children: ChildStore;
  cases: CaseStore;
  records: RecordStore;
  contracts: ContractStore;
  meetings: MeetingStore;
  purchases: PurchaseStore;
  conversations: ConversationReferenceStore;
  cardCopies: CardCopyStore;
  settings: SettingStore;
}

/** Append-only: entries are never changed or removed. */
export interface AuditLog {
  append(entry: AuditEntry, idempotencyKey: string): Promise<void>;
  forCase(caseId: string): Promise<AuditEntry[]>;
}
