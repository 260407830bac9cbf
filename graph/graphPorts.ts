import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import {
  AuditEntry,
  Case,
  CaseRecord,
  Child,
  Contract,
  CardCopy,
  ConversationReference,
  Purchase,
  School,
  Staff,
  type AuditLog,
  type CaseFolders,
  type Calendar,
  type Mailer,
  type Stores,
} from '../workflow';
import { GraphCalendar } from './calendar/graphCalendar';
import { DriveCaseFolders } from './drive/caseFolders';
import { defaultMailerTiming, GraphMailer, type MailerTiming } from './mail/graphMailer';
import { SentMailEntry } from './mail/sentMail';
import { SharePointAuditLog, type StoredAudit } from './sharepoint/auditLog';
import { lists } from './sharepoint/listDefinitions';
import { SharePointListStore } from './sharepoint/listStore';
import type { ProvisionedSite } from './sharepoint/provision';

export interface GraphPorts {
  stores: Stores;
  audit: AuditLog;
  folders: CaseFolders;
  mailer: Mailer;
  calendar: Calendar;
}

const StoredAuditSchema: z.ZodType<StoredAudit> = AuditEntry.extend({ id: z.string() });

/** Every port of the workflow, backed by Microsoft Graph, for a provisioned site. */
export function graphPorts(client: Client, site: ProvisionedSite, serviceMailboxId: string, mailTiming: Partial<MailerTiming> = {}): GraphPorts {
  const store = <T extends { id: string }, K extends keyof T>(key: keyof typeof lists, schema: z.ZodType<T>) =>
    new SharePointListStore<T, K>(client, site.listPaths[key], lists[key], schema);
  return {
    stores: {
      staff: store('staff', Staff),
      schools: store('schools', School),
      children: store('children', Child),
      cases: store('cases', Case),
      records: store('records', CaseRecord as z.ZodType<CaseRecord>),
      contracts: store('contracts', Contract),
      purchases: store('purchases', Purchase),
      conversations: store('conversationReferences', ConversationReference),
      cardCopies: store('cardCopies', CardCopy),
    },
    audit: new SharePointAuditLog(store<StoredAudit, 'caseId'>('audit', StoredAuditSchema)),
    folders: new DriveCaseFolders(client, site.caseFilesDriveId),
    mailer: new GraphMailer(client, serviceMailboxId, store<SentMailEntry, 'status'>('sentMail', SentMailEntry), { ...defaultMailerTiming, ...mailTiming }),
    calendar: new GraphCalendar(client),
  };
}
