import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import {
  AuditEntry,
  Case,
  CaseRecord,
  Child,
  Contract,
  Meeting,
  Job,
  CardCopy,
  ConversationReference,
  Invoice,
  Purchase,
  School,
  ServiceSetting,
  Staff,
  type AuditLog,
  type CaseFolders,
  type Calendar,
  type Mailer,
  type ServiceHistory,
  type Stores,
  type TemplateOverrides,
  type WriteBatching,
} from '../workflow';
import { batchedWrites } from './client/writeOrder';
import { GraphCalendar } from './calendar/graphCalendar';
import { GraphJobQueue } from './jobs/graphJobQueue';
import { DriveCaseFolders } from './drive/caseFolders';
import { DriveTemplateLibrary } from './drive/templateLibrary';
import { defaultMailerTiming, GraphMailer, type MailerTiming } from './mail/graphMailer';
import { SentMailEntry } from './mail/sentMail';
import { SharePointAuditLog, type StoredAudit } from './sharepoint/auditLog';
import { lists } from './sharepoint/listDefinitions';
import { SharePointListStore } from './sharepoint/listStore';
import { ReferenceCache, type ReferenceCacheTiming } from './sharepoint/referenceCache';
import type { ProvisionedSite } from './sharepoint/provision';
import { defaultHistoryTiming, SharePointServiceHistory, type ServiceHistoryTiming } from './sharepoint/serviceHistory';

export interface GraphPorts {
  stores: Stores;
  audit: AuditLog;
  folders: CaseFolders;
  mailer: Mailer;
  calendar: Calendar;
  batching: WriteBatching;
  jobs: GraphJobQueue;
  /** The site's Templates library, for the documents engine (app/ wires it into documents/). */
  templates: TemplateOverrides;
  /** The service's whole history for the manager's figures, kept in this process and read again for what changed. */
  history: ServiceHistory;
}

const StoredAuditSchema: z.ZodType<StoredAudit> = AuditEntry.extend({ id: z.string() });

export interface GraphPortOptions {
  mailTiming?: Partial<MailerTiming>;
  /** Staff, Schools, Purchases and conversation references kept in this process, checked for changes made by hand this often; absent: read at every use. */
  referenceCache?: ReferenceCacheTiming;
  /** When the service history reads every list whole again, and its clock (tests). */
  history?: Partial<ServiceHistoryTiming>;
}

/** Every port of the workflow, backed by Microsoft Graph, for a provisioned site. */
export function graphPorts(client: Client, site: ProvisionedSite, serviceMailboxId: string, options: GraphPortOptions = {}): GraphPorts {
  const store = <T extends { id: string }, K extends keyof T>(key: keyof typeof lists, schema: z.ZodType<T>) =>
    new SharePointListStore<T, K>(client, site.listPaths[key], lists[key], schema);
  const { referenceCache, mailTiming = {} } = options;
  const reference = <T extends { id: string }, K extends keyof T>(key: keyof typeof lists, schema: z.ZodType<T>) =>
    referenceCache ? new ReferenceCache(store<T, K>(key, schema), lists[key], referenceCache) : store<T, K>(key, schema);
  const purchases = reference('purchases', Purchase);
  // Stores of its own: its whole-list reads stay out of the caches of the stores the use cases write through.
  const history = new SharePointServiceHistory(
    { cases: store('cases', Case), children: store('children', Child), records: store('records', CaseRecord as z.ZodType<CaseRecord>), contracts: store('contracts', Contract), purchases },
    { ...defaultHistoryTiming, ...options.history },
  );
  return {
    stores: {
      staff: reference('staff', Staff),
      schools: reference('schools', School),
      children: store('children', Child),
      cases: store('cases', Case),
      records: store('records', CaseRecord as z.ZodType<CaseRecord>),
      contracts: store('contracts', Contract),
      meetings: store('meetings', Meeting),
      purchases,
      invoices: store('invoices', Invoice),
      // Read at every message (where to reach its sender): kept in the process like the reference lists.
      conversations: reference('conversationReferences', ConversationReference),
      cardCopies: store('cardCopies', CardCopy),
      // A handful of items, read whole by each instance's settings refresh (app/settings): not cached, so a change shows within one refresh.
      settings: store('settings', ServiceSetting),
    },
    audit: new SharePointAuditLog(store<StoredAudit, 'caseId'>('audit', StoredAuditSchema)),
    folders: new DriveCaseFolders(client, site.caseFilesDriveId),
    mailer: new GraphMailer(client, serviceMailboxId, store<SentMailEntry, 'status'>('sentMail', SentMailEntry), { ...defaultMailerTiming, ...mailTiming }),
    calendar: new GraphCalendar(client, serviceMailboxId),
    batching: batchedWrites,
    jobs: new GraphJobQueue(store<Job, 'status'>('jobs', Job)),
    templates: new DriveTemplateLibrary(client, site.templatesDriveId),
    history,
  };
}
