import { z } from 'zod';
import type { Case, CaseStatus } from '../../model/case';
import type { Job } from '../../model/job';
import { standing, type Meeting } from '../../model/meeting';
import type { CaseRecord } from '../../model/records';
import type { Staff } from '../../model/staff';
import { caseProgress, type CaseProgress } from '../../process/caseProgress';
import type { Versioned } from '../../ports/store';
import { ok, type Result } from '../../result';
import { hasRole, requireRole, seesAllCases } from '../../rules/access';
import type { WorkflowDeps } from '../deps';
import { caseLedgerOf } from '../packages/caseLedger';
import { auditRead } from '../support/audit';
import { parseInput } from '../support/input';
import { now } from '../support/time';

export const caseloadSorts = ['reference', 'child', 'school', 'worker', 'step', 'nextMeeting', 'hoursLeft', 'due', 'referralDate'] as const;

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

  const withNames = (list: Candidate[]) => Promise.all(list.filter((k) => k.childName === undefined).map(async (k) => (k.childName = await childNameOf(deps, k.case))));
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

interface Found {
  case: Versioned<Case>;
  asDsl: boolean;
}

/**
 * The cases the actor may list with this status. Closed ones are those closed in the last 12
 * months, found month by month (a query on status "closed" fails past SharePoint's threshold).
 * The DSL's cases with a concern: the Records list has no index on the flag, so the records of
 * each case not already listed are read (one query per case, sent together as $batch).
 */
async function casesListed(
  deps: WorkflowDeps,
  actor: Staff,
  status: z.infer<typeof CaseloadFilter>['status'],
  worker: string | undefined,
  today: string,
  recordsOf: (caseId: string) => Promise<Versioned<CaseRecord>[]>,
): Promise<Found[]> {
  const open: CaseStatus[] = status === 'active' || status === 'all' ? ['open', 'paused'] : status === 'closed' ? [] : [status];
  const closed = status === 'closed' || status === 'all';
  const find = (who: string | undefined) =>
    Promise.all([
      ...open.map((s) => deps.stores.cases.find(who ? { status: s, workerId: who } : { status: s })),
      ...(closed ? closedMonthsSince(today).map((m) => deps.stores.cases.find(who ? { closedMonth: m, workerId: who } : { closedMonth: m })) : []),
    ]).then((found) => dedupe(found.flat().filter((c) => open.includes(c.status) || (closed && c.status === 'closed' && (c.closure?.on ?? '') >= yearBefore(today)))));
  if (seesAllCases(actor)) return (await find(worker)).map((c) => ({ case: c, asDsl: false }));
  const own = hasRole(actor, 'worker') ? await find(actor.userId) : [];
  if (!hasRole(actor, 'dsl')) return own.map((c) => ({ case: c, asDsl: false }));
  const ownIds = new Set(own.map((c) => c.id));
  const others = (await find(undefined)).filter((c) => !ownIds.has(c.id));
  const concerns = await Promise.all(others.map(async (c) => (await recordsOf(c.id)).some((r) => r.safeguarding)));
  return [...own.map((c) => ({ case: c, asDsl: false })), ...others.filter((_, i) => concerns[i]).map((c) => ({ case: c, asDsl: true }))];
}

const yearBefore = (day: string): string => `${String(Number(day.slice(0, 4)) - 1).padStart(4, '0')}${day.slice(4)}`;

/** The closedMonth (YYYY-MM) of every month from a year before `today` to today's. */
function closedMonthsSince(today: string): string[] {
  const index = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  const first = index(yearBefore(today));
  return Array.from({ length: index(today) - first + 1 }, (_, k) => `${String(Math.floor((first + k) / 12)).padStart(4, '0')}-${String(((first + k) % 12) + 1).padStart(2, '0')}`);
}

const dedupe = <T extends { id: string }>(items: T[]): T[] => [...new Map(items.map((i) => [i.id, i])).values()];

async function childNameOf(deps: WorkflowDeps, c: Case): Promise<string> {
  const child = await deps.stores.children.get(c.childId);
  return child ? `${child.firstName} ${child.lastName}` : '';
}

/** null: the case draws on no package yet, or its ledger cannot be worked out. */
async function hoursOf(deps: WorkflowDeps, c: Versioned<Case>, recordsOf: (caseId: string) => Promise<Versioned<CaseRecord>[]>): Promise<CaseloadRow['hours'] | null> {
  if (c.purchaseIds.length === 0) return null;
  const ledger = await caseLedgerOf(deps, c, await recordsOf(c.id));
  return ledger.ok ? { bought: ledger.value.totals.bought, used: ledger.value.totals.used, left: ledger.value.totals.left } : null;
}

/**
 * Text as a search compares it: compatibility-decomposed, accents and other marks dropped,
 * invisible characters dropped, case folded (upper then lower, so "ß" meets "SS"), whatever the script.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\p{Default_Ignorable_Code_Point}]/gu, '')
    .toUpperCase()
    .toLowerCase()
    .replaceAll('ς', 'σ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** In the direction asked (`sign`); a row without the value (no meeting, no hours) comes last either way. */
const inOrder = (sign: number, a: string | number | undefined, b: string | number | undefined): number => {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return sign * (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)));
};

function compareBy(sort: (typeof caseloadSorts)[number], sign: number, a: Candidate, b: Candidate): number {
  const absentLast = (x: string | number | undefined, y: string | number | undefined) => inOrder(sign, x, y);
  switch (sort) {
    case 'reference':
      return absentLast(a.case.reference, b.case.reference);
    case 'child':
      return absentLast(a.childName, b.childName);
    case 'school':
      return absentLast(a.schoolName, b.schoolName);
    case 'worker':
      return absentLast(a.worker?.displayName, b.worker?.displayName);
    case 'step':
      return absentLast(a.progress.step, b.progress.step);
    case 'nextMeeting':
      return absentLast(a.nextMeeting?.start, b.nextMeeting?.start);
    case 'hoursLeft':
      return absentLast(a.hours?.left, b.hours?.left);
    case 'due':
      return absentLast(a.due[0]?.dueAt, b.due[0]?.dueAt);
    case 'referralDate':
      return absentLast(a.case.referralDate, b.case.referralDate);
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function firstBy<T>(items: readonly T[], key: (item: T) => string, order: (a: T, b: T) => number): Map<string, T> {
  const first = new Map<string, T>();
  for (const item of items) {
    const seen = first.get(key(item));
    if (!seen || order(item, seen) < 0) first.set(key(item), item);
  }
  return first;
}
