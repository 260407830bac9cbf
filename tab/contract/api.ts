/**
 * The tab's JSON API as both sides read it: the routes, and the shape of every answer as zod
 * schemas. The browser (`tab/client`) parses each answer with these; the server (`tab/server`)
 * types what it sends with them. Imports zod only: nothing here may reach the server's code.
 *
 * Every route is under `/tab/api`. Every answer carrying case data has `Cache-Control: no-store`.
 * Errors answer `{ error: string, code?: string }` with a 4xx status naming the problem.
 */
import { z } from 'zod';

export const apiBase = '/tab/api';

/** The API's routes, typed: build a URL with these, never by hand. */
export const routes = {
  /** GET: who is signed in. */
  me: `${apiBase}/me`,
  /** GET: the demo staff one may sign in as (embedded Graph only; 404 in a tenant). */
  demoStaff: `${apiBase}/demo/staff`,
  /** GET ?status&worker&q&sort&dir&page&pageSize: the caseload, a page at a time. */
  cases: `${apiBase}/cases`,
  /** GET: one case's page. */
  case: (caseId: string) => `${apiBase}/cases/${encodeURIComponent(caseId)}`,
  /** GET: the case's card (the bot's case card, with its actions). */
  caseCard: (caseId: string) => `${apiBase}/cases/${encodeURIComponent(caseId)}/card`,
  /** POST { verb, data }: an Action.Execute from a card shown in the tab; answers the next card. */
  cardAction: `${apiBase}/cards/action`,
  /** GET ?folder=<folder id>: the child's folder (the case's subfolder unless another is named). */
  folder: (caseId: string) => `${apiBase}/cases/${encodeURIComponent(caseId)}/folder`,
  /** POST ?name=<file name>&document=information-form|pdp|other, the file as the body: filed in the case's subfolder. */
  upload: (caseId: string) => `${apiBase}/cases/${encodeURIComponent(caseId)}/folder/files`,
} as const;

export const ApiError = z.object({ error: z.string(), code: z.string().optional() });
export type ApiError = z.infer<typeof ApiError>;

export const Role = z.enum(['worker', 'manager', 'admin', 'dsl']);

export const Me = z.object({
  userId: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  /** Managers and admins see every case (and can filter by worker). */
  seesAllCases: z.boolean(),
  /** Signed in with the demo sign-in (embedded Graph only). */
  demo: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const DemoStaff = z.object({
  staff: z.array(z.object({ userId: z.string(), displayName: z.string(), roles: z.array(Role) })),
});
export type DemoStaff = z.infer<typeof DemoStaff>;

export const CaseStatus = z.enum(['open', 'paused', 'closed']);

/** Query of GET /cases. */
export const CaseloadQuery = z.object({
  /** Default: open and paused ("active"). */
  status: z.enum(['active', 'open', 'paused', 'closed', 'all']).default('active'),
  /** A worker's Entra object id (managers only; a worker's own list ignores it). */
  worker: z.string().optional(),
  /** Matches reference, child's name, school and worker, any case, any script. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['reference', 'child', 'school', 'worker', 'step', 'nextMeeting', 'hoursLeft', 'due', 'referralDate']).default('referralDate'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseloadQuery = z.infer<typeof CaseloadQuery>;

export const NextMeeting = z.object({
  kind: z.string(),
  /** What a person calls it ("Review meeting"). */
  label: z.string(),
  start: z.string(),
  end: z.string(),
  online: z.boolean(),
  joinUrl: z.string().optional(),
  location: z.string().optional(),
});
export type NextMeeting = z.infer<typeof NextMeeting>;

export const DueItem = z.object({
  /** What will happen ("Chase the information form"), in words. */
  what: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
});
export type DueItem = z.infer<typeof DueItem>;

export const CaseRow = z.object({
  caseId: z.string(),
  reference: z.string(),
  childName: z.string(),
  schoolName: z.string(),
  workerId: z.string().optional(),
  workerName: z.string().optional(),
  status: CaseStatus,
  referralDate: z.string(),
  step: z.number().int().min(1).max(10),
  stepName: z.string(),
  statusLine: z.string(),
  nextAction: z.string(),
  nextMeeting: NextMeeting.optional(),
  /** Package hours; absent when the case draws on no package yet, or they cannot be worked out. */
  hours: z.object({ bought: z.number(), used: z.number(), left: z.number() }).optional(),
  due: z.array(DueItem),
});
export type CaseRow = z.infer<typeof CaseRow>;

export const Caseload = z.object({
  rows: z.array(CaseRow),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Cases matching the filter and search, over all pages. */
  total: z.number().int(),
  /** The workers a manager can filter by (empty for a worker). */
  workers: z.array(z.object({ userId: z.string(), displayName: z.string() })),
});
export type Caseload = z.infer<typeof Caseload>;

export const StepState = z.enum(['done', 'current', 'next']);

export const CasePage = z.object({
  caseId: z.string(),
  reference: z.string(),
  childName: z.string(),
  schoolName: z.string(),
  workerName: z.string().optional(),
  status: CaseStatus,
  statusLine: z.string(),
  nextAction: z.string(),
  /** The ten steps, in order. `at`: when a done step was recorded. */
  steps: z.array(z.object({ number: z.number().int(), name: z.string(), state: StepState, at: z.string().optional() })),
  /** Every record, newest first; `url` opens its document when it has one. */
  chronology: z.array(z.object({
    recordId: z.string(),
    date: z.string(),
    kind: z.string(),
    title: z.string(),
    summary: z.string(),
    by: z.string(),
    url: z.string().optional(),
  })),
  contracts: z.array(z.object({
    contractId: z.string(),
    version: z.number().int(),
    status: z.string(),
    /** The approval state in words ("Awaiting approval by a manager", "Approved by … on …"). */
    approval: z.string(),
    startDate: z.string(),
    reviewDate: z.string(),
    supportEnds: z.string(),
    targets: z.array(z.string()),
  })),
  meetings: z.array(z.object({
    meetingId: z.string(),
    label: z.string(),
    status: z.string(),
    start: z.string(),
    end: z.string(),
    online: z.boolean(),
    joinUrl: z.string().optional(),
    location: z.string().optional(),
  })),
  hours: z.object({ bought: z.number(), used: z.number(), left: z.number() }).optional(),
  /** Opened by the DSL through a safeguarding concern: only the concern can be acted on. */
  asDsl: z.boolean(),
});
export type CasePage = z.infer<typeof CasePage>;

/** An Adaptive Card as JSON (rendered by the `adaptivecards` SDK in the browser). */
export const CardJson = z.record(z.string(), z.unknown());

export const CardAnswer = z.object({
  card: CardJson,
  /** A further card the action answers with (in chat it comes as a new message): e.g. the case with its next actions. */
  followUp: CardJson.optional(),
});
export type CardAnswer = z.infer<typeof CardAnswer>;

export const CardActionBody = z.object({
  verb: z.string().min(1).max(100),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type CardActionBody = z.infer<typeof CardActionBody>;

export const FolderEntry = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['folder', 'file']),
  /** Bytes (files only). */
  size: z.number().optional(),
  modifiedBy: z.string().optional(),
  modifiedAt: z.string().optional(),
  /** Who filed it through the service, as the case's records say (the library itself names only the app for those). */
  filedBy: z.string().optional(),
  /** Opens it: SharePoint in a tenant, the local viewer in a local run. */
  url: z.string().optional(),
});
export type FolderEntry = z.infer<typeof FolderEntry>;

export const Folder = z.object({
  /** The folder shown. */
  folder: z.object({ id: z.string(), name: z.string() }),
  /** Its place from the child's folder down ("Child folder" / "OC-26-ABCDE"). */
  path: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The child's other folders (earlier cases), to jump to. */
  otherCases: z.array(z.object({ id: z.string(), name: z.string() })),
  entries: z.array(FolderEntry),
  /** Only the case's own subfolder takes uploads. */
  canUpload: z.boolean(),
});
export type Folder = z.infer<typeof Folder>;

export const UploadDocument = z.enum(['information-form', 'pdp', 'other']);

export const Uploaded = z.object({
  file: z.object({ name: z.string(), url: z.string().optional() }),
  /** The upload was the returned information form or PDP and marked the step. */
  marked: z.boolean(),
  /** A repeat of an upload already filed: nothing new was filed. */
  repeated: z.boolean(),
  message: z.string(),
});
export type Uploaded = z.infer<typeof Uploaded>;
