import { runnableAt, type Job } from '../../workflow';

/**
 * The SharePoint lists the product keeps its records in. Each list has the columns a query
 * filters on (indexed, as SharePoint requires in lists past 5,000 items), a unique indexed
 * IdempotencyKey (a retried create after a 503 finds the first instead of writing twice), and
 * a Payload column with the whole record as JSON.
 */
export type ColumnType = 'text' | 'number' | 'boolean' | 'dateTime' | 'note';

export interface ColumnDefinition {
  name: string;
  type: ColumnType;
  indexed?: boolean;
  unique?: boolean;
}

export interface IndexedField {
  /** The entity's property. */
  field: string;
  column: string;
  type: 'text' | 'number' | 'boolean' | 'dateTime';
  unique?: boolean;
  /** The column's value when it is worked out from the record (or the write's time) rather than copied from `field`. */
  from?: (record: Record<string, unknown>, write?: { at: Date }) => unknown;
}

export interface ListDefinition {
  displayName: string;
  description: string;
  indexed: IndexedField[];
  /** Property whose value becomes the item's Title (never a child's name). */
  title?: string;
}

/** The Jobs list's DueAt: SharePoint keeps whole seconds, so the time is rounded up (a job never shows due before it is). */
export function dueAtColumn(job: Pick<Job, 'status' | 'dueAt' | 'leaseUntil'>): string | null {
  const at = runnableAt(job);
  if (at === undefined) return null;
  const ms = new Date(at).getTime();
  return new Date(Math.ceil(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const IDEMPOTENCY_COLUMN = 'IdempotencyKey';
export const PAYLOAD_COLUMN = 'Payload';
/** When the item was last written through the app (UTC): what the service history asks for since its last read. */
export const CHANGED_AT_COLUMN = 'ChangedAt';
/** CaseRecords: Yes on safeguarding concerns. */
export const SAFEGUARDING_COLUMN = 'Safeguarding';
/** A multi-line text column holds at most this many characters (SharePoint's documented limit). */
export const PAYLOAD_MAX_CHARACTERS = 63_999;

const text = (field: string, column: string, unique = false): IndexedField => ({ field, column, type: 'text', ...(unique ? { unique } : {}) });

/**
 * Written on every create and update with the writing instance's clock, so the manager's figures
 * (graph/sharepoint/serviceHistory.ts) read only what changed since their last read: one indexed
 * range query per list. Items written before the column existed, or edited by hand in SharePoint,
 * are caught by the history's periodic full read instead. `changedAt` is no property of the record.
 */
const changedAt: IndexedField = { field: 'changedAt', column: CHANGED_AT_COLUMN, type: 'dateTime', from: (_record, write) => (write?.at ?? new Date()).toISOString() };

export const lists = {
  staff: {
    displayName: 'Staff',
    description: 'Members of the service: Microsoft 365 user, roles, active, capacity.',
    indexed: [text('userId', 'UserId', true), text('email', 'Email'), { field: 'active', column: 'Active', type: 'boolean' }],
    title: 'displayName',
  },
  schools: {
    displayName: 'Schools',
    description: 'Referring schools: URN, type, contacts, term calendar.',
    indexed: [text('urn', 'Urn', true)],
    title: 'name',
  },
  children: {
    displayName: 'Children',
    description: 'Pupils referred, with parents/carers and retention dates.',
    indexed: [text('reference', 'ChildReference', true), text('matchKey', 'MatchKey', true), text('schoolId', 'SchoolId'), changedAt],
    title: 'reference',
  },
  cases: {
    displayName: 'Cases',
    description: 'One referral episode of one child.',
    indexed: [text('reference', 'CaseReference', true), text('childId', 'ChildId'), text('schoolId', 'SchoolId'), text('workerId', 'WorkerId'), text('status', 'Status'),
      // Closed cases are listed a month at a time: `Status eq 'closed'` passes the list view threshold in a busy service.
      text('closedMonth', 'ClosedMonth'), changedAt],
    title: 'reference',
  },
  records: {
    displayName: 'CaseRecords',
    description: 'Observations, meetings, visits, chronology, time, reviews, reports, concerns.',
    indexed: [text('caseId', 'CaseId'),
      // The DSL's caseload finds the concerns with one query `Safeguarding eq 1` (concerns are few). Only `true` is
      // ever filtered on: records written before the column have it empty unless they are concerns (filled at provisioning).
      { field: 'safeguarding', column: SAFEGUARDING_COLUMN, type: 'boolean' }, changedAt],
  },
  contracts: {
    displayName: 'Contracts',
    description: 'Outreach contracts, versioned, with approvals.',
    indexed: [text('caseId', 'CaseId'), text('status', 'Status'), changedAt],
  },
  purchases: {
    displayName: 'Purchases',
    description: 'Packages bought by schools per financial year.',
    indexed: [text('schoolId', 'SchoolId'), text('financialYear', 'FinancialYear'), text('caseId', 'CaseId')],
    title: 'packageCode',
  },
  invoices: {
    displayName: 'Invoices',
    description: 'Invoicing lines marked invoiced (purchases, and hours over what was bought), one item per line.',
    indexed: [text('lineId', 'LineId', true), text('schoolId', 'SchoolId'), text('financialYear', 'FinancialYear'), text('caseId', 'CaseId')],
    title: 'lineId',
  },
  audit: {
    displayName: 'AuditLog',
    description: 'Append-only: who read or changed which case, when.',
    indexed: [text('caseId', 'CaseId')],
    title: 'action',
  },
  meetings: { displayName: 'Meetings', description: 'Booked meetings: event id, join URL, type.', indexed: [text('caseId', 'CaseId'),
    // The poll for meetings changed in Outlook reads the booked and moved ones.
    text('status', 'Status')] },
  jobs: {
    displayName: 'Jobs',
    description: 'Scheduled work (reminders, chasers), kept across restarts.',
    indexed: [text('status', 'Status'),
      // When the job can next be taken (its due time, or its lease's end while running; empty once done or failed):
      // the due jobs are one range query on it, ordered by it, with $top, whatever the list's size.
      { field: 'dueAt', column: 'DueAt', type: 'dateTime', from: (job) => dueAtColumn(job as Pick<Job, 'status' | 'dueAt' | 'leaseUntil'>) }],
  },
  conversationReferences: {
    displayName: 'ConversationReferences',
    description: 'Where to reach each member of staff in Teams.',
    indexed: [text('userId', 'UserId', true), { field: 'stale', column: 'Stale', type: 'boolean' }],
  },
  cardCopies: {
    displayName: 'CardCopies',
    description: 'Cards in Teams chats to update in place when what they show changes (contract approvals).',
    indexed: [text('subject', 'Subject')],
  },
  settings: {
    displayName: 'ServiceSettings',
    description: 'Settings the administrator changed in the app (price lists, term dates, team channel), one item per key; the shipped files are the defaults.',
    indexed: [text('key', 'Key', true)],
    title: 'key',
  },
  sentMail: {
    displayName: 'SentMail',
    description: 'Mail the service sent, one item per idempotency key, so a retry or a restart does not send it again.',
    indexed: [text('status', 'Status')],
  },
} satisfies Record<string, ListDefinition>;

export type ListKey = keyof typeof lists;

/** Every column a list needs, in provisioning order. */
export function columnsOf(list: ListDefinition): ColumnDefinition[] {
  return [
    { name: IDEMPOTENCY_COLUMN, type: 'text', indexed: true, unique: true },
    { name: PAYLOAD_COLUMN, type: 'note' },
    ...list.indexed.map((i) => ({ name: i.column, type: i.type, indexed: true, ...(i.unique ? { unique: true } : {}) })),
  ];
}

export const CASE_FILES_LIBRARY = 'Case Files';
/** The service's own copies of the document templates (documents/templates/README.md). */
export const TEMPLATES_LIBRARY = 'Templates';
