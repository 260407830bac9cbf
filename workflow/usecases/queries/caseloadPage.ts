import { z } from 'zod';
import type { Case } from '../../model/case';
import type { Job } from '../../model/job';
import { standing, type Meeting } from '../../model/meeting';
import type { CaseRecord } from '../../model/records';
import type { Staff } from '../../model/staff';
import { caseProgress, type CaseProgress } from '../../process/caseProgress';
import type { Versioned } from '../../ports/store';
import { ok, type Result } from '../../result';
import { hasRole, requireRole, seesAllCases } from '../../rules/access';
import type { WorkflowDeps } from '../deps';
import { auditRead } from '../support/audit';
import { parseInput } from '../support/input';
import { now } from '../support/time';
import { caseloadSorts, compareBy, firstBy, groupBy, searchKey } from './caseloadOrder';
import { casesListed, childNames, hoursOf } from './caseloadReads';

export { caseloadSorts, searchKey } from './caseloadOrder';


export const CaseloadFilter = z.object({
  status: z.enum(['active', 'open', 'paused', 'closed', 'all']).default('active'),
  /** A worker's Entra object id: only for those who see every case. */
  worker: z.string().optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(caseloadSorts).default('referralDate'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type CaseloadFilter = z.input<typeof CaseloadFilter>;

/** How far back and ahead the queued jobs of the listed cases are read. */
const DUE_BACK_DAYS = 7;
const DUE_AHEAD_DAYS = 28;
const DUE_READ_AT_MOST = 999;
const DAY_MS = 86_400_000;

export interface DueOnCase {
  kind: Job['kind'];
  dueAt: string;
  overdue: boolean;
}

export interface CaseloadRow {
  case: Versioned<Case>;
  /** The child's name: read (and audited) for the rows shown only, unless a search or sort needed it. */
  childName: string;
  schoolName: string;
  worker: Staff | undefined;
  progress: CaseProgress;
  /** The next booked or moved meeting starting from now. */
  nextMeeting: Versioned<Meeting> | undefined;
  hours: { bought: number; used: number; left: number } | undefined;
  /** The case's queued jobs, earliest first. */
  due: DueOnCase[];
  /** On the list because the actor is the DSL and the case has a safeguarding concern. */
  asDsl: boolean;
}

export interface CaseloadPage {
  rows: CaseloadRow[];
  total: number;
  page: number;
  pageSize: number;
  /** The workers the actor may filter by (everyone who is a worker, for those who see every case). */
  workers: Staff[];
}

interface Candidate {
  case: Versioned<Case>;
  asDsl: boolean;
  schoolName: string;
  worker: Staff | undefined;
  progress: CaseProgress;
  nextMeeting: Versioned<Meeting> | undefined;
  due: DueOnCase[];
  childName?: string;
  hours?: CaseloadRow['hours'] | null;
}

/**
 * The tab's caseload, a page at a time. Whole-list reads on indexed columns (cases by status,
 * standing meetings, contracts awaiting a decision, queued jobs) build every row; per-case reads
 * (the child's name, the hours' records) are made for the rows shown, or for every row only when
 * a search or a sort needs them. A worker lists their own cases; managers and admins every case
 * (by worker if asked); the DSL also the cases with a safeguarding concern.
 */
export async function caseloadPage(deps: WorkflowDeps, actor: Staff, raw: CaseloadFilter): Promise<Result<CaseloadPage>> {
  const allowed = requireRole(actor, ['manager', 'admin', 'worker', 'dsl'], 'see a caseload');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(CaseloadFilter, raw);
  if (!parsed.ok) return parsed;
  const filter = parsed.value;
  const { at, today } = now(deps);
  const everyone = seesAllCases(actor);
  const records = new Map<string, Promise<Versioned<CaseRecord>[]>>();
  const recordsOf = (caseId: string) => records.get(caseId) ?? records.set(caseId, deps.stores.records.find({ caseId })).get(caseId) as Promise<Versioned<CaseRecord>[]>;

  const nowMs = deps.clock.now().getTime();
  const [found, meetings, contracts, jobs, staff, schools] = await Promise.all([
    casesListed(deps, actor, filter.status, everyone ? filter.worker : undefined, today, recordsOf),
    Promise.all([deps.stores.meetings.find({ status: 'booked' }), deps.stores.meetings.find({ status: 'moved' })]).then((m) => m.flat()),
    Promise.all([deps.stores.contracts.find({ status: 'awaiting-approval' }), deps.stores.contracts.find({ status: 'changes-requested' })]).then((c) => c.flat()),
    deps.jobs.upcoming(new Date(nowMs - DUE_BACK_DAYS * DAY_MS), new Date(nowMs + DUE_AHEAD_DAYS * DAY_MS), DUE_READ_AT_MOST),
    deps.stores.staff.list(),
    deps.stores.schools.list(),
  ]);
  const staffById = new Map(staff.map((s) => [s.userId, s]));
  const schoolNames = new Map(schools.map((s) => [s.id, s.name]));
  const nextMeetings = firstBy(meetings.filter((m) => standing(m) && m.start >= at), (m) => m.caseId, (a, b) => a.start.localeCompare(b.start));
  const contractsOf = groupBy(contracts, (c) => c.caseId);
  const dueOf = groupBy(jobs.filter((j) => j.payload.caseId !== undefined), (j) => j.payload.caseId as string);

  const candidates: Candidate[] = found.map(({ case: c, asDsl }) => ({
    case: c,
    asDsl,
    schoolName: schoolNames.get(c.schoolId) ?? '',
    worker: c.workerId ? staffById.get(c.workerId) : undefined,
    progress: caseProgress(c, contractsOf.get(c.id) ?? [], today),
    nextMeeting: nextMeetings.get(c.id),
    due: (dueOf.get(c.id) ?? []).map((j) => ({ kind: j.kind, dueAt: j.dueAt, overdue: j.dueAt < at })).sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
  }));

  const withNames = async (list: Candidate[]) => {
    const unnamed = list.filter((k) => k.childName === undefined);
    const names = await childNames(deps, unnamed.map((k) => k.case));
    for (const k of unnamed) k.childName = names.get(k.case.id) ?? '';
  };
  const withHours = (list: Candidate[]) => Promise.all(list.filter((k) => k.hours === undefined).map(async (k) => (k.hours = await hoursOf(deps, k.case, recordsOf))));

  const q = filter.q ? searchKey(filter.q) : '';
  let matching = candidates;
  if (q !== '') {
    const byOthers = (k: Candidate) => [k.case.reference, k.schoolName, k.worker?.displayName ?? ''].some((text) => searchKey(text).includes(q));
    // The child's name is read only for the cases nothing else matched.
    await withNames(candidates.filter((k) => !byOthers(k)));
    matching = candidates.filter((k) => byOthers(k) || searchKey(k.childName ?? '').includes(q));
  }
  if (filter.sort === 'child') await withNames(matching);
  if (filter.sort === 'hoursLeft') await withHours(matching);
  const sign = filter.dir === 'desc' ? -1 : 1;
  const sorted = [...matching].sort((a, b) => compareBy(filter.sort, sign, a, b) || a.case.reference.localeCompare(b.case.reference));
  const shown = sorted.slice((filter.page - 1) * filter.pageSize, filter.page * filter.pageSize);
  // The rows shown: their child's name is read (and the read audited), their hours worked out.
  await Promise.all([withNames(shown), withHours(shown), ...shown.map((k) => auditRead(deps, actor, 'case.listed', k.case.id, k.asDsl ? { access: 'safeguarding' } : {}))]);

  const workers = everyone ? staff.filter((s) => hasRole(s, 'worker')).sort((a, b) => a.displayName.localeCompare(b.displayName)) : [];
  return ok({
    rows: shown.map((k) => ({ ...k, childName: k.childName ?? '', hours: k.hours ?? undefined })),
    total: matching.length,
    page: filter.page,
    pageSize: filter.pageSize,
    workers,
  });
}
