import { z } from 'zod';
import { Attribution, Email, EntraId, Id, Instant, IsoDate, Text, WorkedHours, textLimits, upTo } from './common';
import { Destination } from './case';
import { TimeActivity } from './purchase';
import { documentKinds } from '../ports/documents';

const Strategy = z.object({
  strategy: Text,
  inUse: z.boolean(),
  effective: z.enum(['yes', 'partly', 'no', 'not-known']),
});

/** The body of each kind of case record, as a member of staff enters it. */
export const RecordBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('information-returned'),
    returnedOn: IsoDate,
    formReturned: z.boolean(),
    pdpReturned: z.boolean(),
    notes: upTo(z.string(), textLimits.text).optional(),
    /** The returned document as filed in the case's folder (sent in through the bot or the tab). */
    fileName: z.string().optional(),
    fileUrl: z.string().optional(),
  }),
  z.object({
    kind: z.literal('observation'),
    observedOn: IsoDate,
    setting: Text,
    focus: z.enum(['classroom', 'transition', 'unstructured-time', 'other']),
    outcome: Text,
    wayForward: Text,
    strategiesChecked: z.array(Strategy),
  }),
  z.object({ kind: z.literal('observation-skipped'), reason: Text }),
  z.object({
    kind: z.literal('meeting'),
    heldOn: IsoDate,
    purpose: z.enum(['initial-school', 'contract', 'review', 'other-agency', 'fair-access-panel', 'other']),
    attendees: z.array(Text).min(1, 'list who attended'),
    notes: Text,
    agreedSupport: upTo(z.string(), textLimits.text).optional(),
    expectations: upTo(z.string(), textLimits.text).optional(),
  }),
  z.object({
    kind: z.literal('home-visit'),
    heldOn: IsoDate,
    mode: z.enum(['home-visit', 'teams-call']),
    attendees: z.array(Text).min(1, 'list who attended'),
    notes: Text,
  }),
  z.object({
    kind: z.literal('lone-working'),
    /** Where the worker went: the parent/carer's home on file, the school, or an address typed in (absent on older check-ins). */
    where: z.object({ kind: z.enum(['home', 'school', 'elsewhere']), address: Text }).optional(),
    plannedStart: Instant,
    plannedEnd: Instant,
    checkedInAt: Instant.optional(),
    checkedOutAt: Instant.optional(),
    managerAlertedAt: Instant.optional(),
    /** A manager acknowledged the missed check-out alert on its card: the repeats stop. */
    acknowledgedAt: Instant.optional(),
    acknowledgedBy: EntraId.optional(),
  }),
  z.object({
    kind: z.literal('support-session'),
    deliveredOn: IsoDate,
    hours: WorkedHours,
    withWhom: z.enum(['pupil', 'staff', 'pupil-and-staff', 'parent']),
    summary: Text,
  }),
  z.object({
    kind: z.literal('chronology'),
    on: IsoDate,
    category: z.enum(['note', 'update-to-school', 'update-to-home', 'contact', 're-referral']),
    note: Text,
    /** A document the entry is about, as filed in the case's folder (one the school returned). */
    fileName: z.string().optional(),
    fileUrl: z.string().optional(),
  }),
  z.object({ kind: z.literal('time'), on: IsoDate, hours: WorkedHours, activity: TimeActivity }),
  z.object({
    kind: z.literal('review'),
    heldOn: IsoDate,
    outcome: z.enum(['continue', 'end']),
    summary: Text,
    destination: Destination.optional(),
  }),
  z.object({
    kind: z.literal('report'),
    reportType: z.enum(['outreach', 'fair-access-panel', 'end-of-outreach']),
    requestedBy: upTo(z.string(), textLimits.text).optional(),
    /** Whoever asked for the report (the agency, the panel's clerk): it is mailed to them, as PDF, when given. */
    requestedByEmail: Email.optional(),
    summary: Text,
    fileUrl: z.string().optional(),
  }),
  z.object({ kind: z.literal('evaluation-request'), sentOn: IsoDate, to: z.array(z.string()).min(1) }),
  /** A document the product wrote and filed in the child's folder (and sent, when `sentTo` says to whom). */
  z.object({
    kind: z.literal('document'),
    document: z.enum(documentKinds),
    title: Text,
    fileName: Text,
    fileUrl: z.string().min(1),
    pdfName: z.string().optional(),
    pdfUrl: z.string().optional(),
    version: z.number().int().min(1),
    /** The record the document was made from (an observation, a meeting), by its idempotency key. */
    aboutRecordKey: z.string().optional(),
    sentTo: z.array(z.string()).optional(),
  }),
  z.object({ kind: z.literal('safeguarding-concern'), concern: Text, actionTaken: Text }),
  /** An addition to a locked record: locked records take additions only. */
  z.object({ kind: z.literal('addendum'), toRecordId: Id, text: Text }),
]);
export type RecordBody = z.infer<typeof RecordBody>;
export type RecordKind = RecordBody['kind'];
export type BodyOf<K extends RecordKind> = Extract<RecordBody, { kind: K }>;

const RecordMeta = z
  .object({
    id: Id,
    caseId: Id,
    /** The step of the process the record belongs to (10 for "any others"). */
    step: z.number().int().min(1).max(10),
    safeguarding: z.boolean(),
    locked: z.boolean(),
    lockedBy: EntraId.optional(),
  })
  .extend(Attribution.shape);

export const CaseRecord = z.intersection(RecordMeta, z.object({ body: RecordBody }));
export type CaseRecord = z.infer<typeof RecordMeta> & { body: RecordBody };
