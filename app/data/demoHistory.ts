import { academicYearOf } from '../../workflow/calendar';
import { UniqueValueTaken, type School, type Staff, type Stores, type WorkflowConfig } from '../../workflow';
import { seededRandom } from '../../workflow';
import { weighted } from './demoHistoryNames';
import { planCase, weekdayFrom, type PlannedCase } from './demoHistoryPlan';

/**
 * A fictional history for the demo: academic years of referrals to the demo schools, worked by
 * the demo staff, each case played from referral to closure (or to today, if it is still open),
 * written straight into the stores. The same seed and dates give the same history.
 */
export interface DemoHistoryOptions {
  /** e.g. ['2024-25', '2025-26']. */
  academicYears: readonly string[];
  /** Referrals in a whole academic year (a year still under way gets those up to `until`). */
  casesPerYear: number;
  /** Today: nothing after it is written. */
  until: string;
  seed?: number;
}

export const DEFAULT_DEMO_SEED = 2026;

/** Referrals by month, September first: busy autumn, quieter in the summer term's last weeks. */
const referralMonths: ReadonlyArray<readonly [number, number]> = [[9, 8], [10, 12], [11, 12], [12, 7], [1, 10], [2, 9], [3, 11], [4, 6], [5, 9], [6, 9], [7, 4]];

/** The academic year before today's, and today's. */
export function demoAcademicYears(today: string): string[] {
  const current = academicYearOf(today);
  const start = Number(current.slice(0, 4)) - 1;
  return [`${start}-${String((start + 1) % 100).padStart(2, '0')}`, current];
}

/** Every case of the history, in order of referral. */
export function planDemoHistory(schools: readonly School[], staff: readonly Staff[], config: WorkflowConfig, options: DemoHistoryOptions): PlannedCase[] {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const workers = staff.filter((s) => s.roles.includes('worker'));
  const managers = staff.filter((s) => s.roles.includes('manager') && s.active);
  if (schools.length === 0 || workers.length === 0 || managers.length === 0) throw new Error('The demo history needs the demo schools and staff loaded first.');
  const dates = options.academicYears.flatMap((year, y) => {
    const random = seededRandom(seed * 1_000 + y);
    const startYear = Number(year.slice(0, 4));
    return Array.from({ length: options.casesPerYear }, () => {
      const month = weighted(random, referralMonths);
      const day = 1 + Math.floor(random() * 28);
      return { date: weekdayFrom(`${month >= 9 ? startYear : startYear + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`), first: y === 0 };
    });
  });
  const referred = dates.filter((d) => d.date <= options.until).sort((a, b) => a.date.localeCompare(b.date));
  return referred.map(({ date, first }, n) => {
    // Each case draws its own numbers: a later `until` changes how far a case got, never who it is.
    const random = seededRandom(seed * 100_003 + n * 7 + 1);
    // Someone who has left the service (inactive) worked cases in the first year only.
    const able = workers.filter((w) => w.active || first);
    const worker = able[Math.floor(random() * able.length)] as Staff;
    const manager = managers.find((m) => m.userId !== worker.userId) ?? (managers[0] as Staff);
    const school = schools[Math.floor(random() * schools.length)] as School;
    return planCase({ random, n, seed, referralDate: date, until: options.until, school, worker, manager, config });
  });
}

export interface DemoHistoryCounts {
  cases: number;
  children: number;
  records: number;
  contracts: number;
  purchases: number;
}

type HistoryStores = Pick<Stores, 'cases' | 'children' | 'records' | 'contracts' | 'purchases'>;

/** Writes one planned case: child, case, its purchases and contracts, its records, then the case as it stands. Idempotent (every item has its key). */
async function writeCase(stores: HistoryStores, plan: PlannedCase, counts: DemoHistoryCounts): Promise<void> {
  const childId = await childIdOf(stores, plan);
  const { item: created } = await stores.cases.create(plan.caseDraft(childId), `${plan.key}:case`);
  const purchases = await Promise.all(plan.purchases.map((make, i) => stores.purchases.create(make(created.id), `${plan.key}:purchase:${i}`)));
  const purchaseIds = purchases.map((p) => p.item.id);
  const contractIds: string[] = [];
  for (const [i, make] of plan.contracts.entries()) contractIds.push((await stores.contracts.create(make(created.id, purchaseIds), `${plan.key}:contract:${i + 1}`)).item.id);
  await Promise.all(plan.records.map((r) => stores.records.create(r.record(created.id), r.key)));
  await stores.cases.update(created.id, plan.caseFinal({ purchaseIds, contractIds }), created.etag);
  counts.cases += 1;
  counts.purchases += purchaseIds.length;
  counts.contracts += contractIds.length;
  counts.records += plan.records.length;
}

/** The child's id: a child drawn twice (same names, birthday and school) is one child referred again. */
async function childIdOf(stores: HistoryStores, plan: PlannedCase): Promise<string> {
  try {
    return (await stores.children.create(plan.child, `${plan.key}:child`)).item.id;
  } catch (error) {
    if (!(error instanceof UniqueValueTaken)) throw error;
    const [existing] = await stores.children.find({ matchKey: plan.child.matchKey });
    if (!existing) throw error;
    return existing.id;
  }
}

/** Writes the planned cases, `concurrency` at a time (their requests travel together, in `$batch`es on Graph). */
export async function writeDemoHistory(stores: HistoryStores, plans: readonly PlannedCase[], concurrency = 8): Promise<DemoHistoryCounts> {
  const counts: DemoHistoryCounts = { cases: 0, children: 0, records: 0, contracts: 0, purchases: 0 };
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < plans.length) {
      const plan = plans[next++] as PlannedCase;
      await writeCase(stores, plan, counts);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, plans.length) }, lane));
  counts.children = new Set(plans.map((p) => p.child.matchKey)).size;
  return counts;
}

/** Plans and writes the history over the schools and staff already in the stores. */
export async function loadDemoHistory(stores: Stores, config: WorkflowConfig, options: DemoHistoryOptions, concurrency?: number): Promise<DemoHistoryCounts> {
  const [schools, staff] = await Promise.all([stores.schools.list(), stores.staff.list()]);
  staff.sort((a, b) => a.userId.localeCompare(b.userId));
  const byUrn = [...schools].sort((a, b) => a.urn.localeCompare(b.urn));
  return writeDemoHistory(stores, planDemoHistory(byUrn, staff, config, options), concurrency);
}
