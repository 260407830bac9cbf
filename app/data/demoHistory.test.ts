import { Case, CaseRecord, Child, Contract, Purchase, type WorkflowDeps } from '../../workflow';
import { buildWorld } from '../../tests/support/world';
import { demoAcademicYears, loadDemoHistory, planDemoHistory } from './demoHistory';

const options = { academicYears: ['2024-25', '2025-26'], casesPerYear: 60, until: '2026-03-15' };

describe('the demo history', () => {
  let deps: WorkflowDeps;
  beforeAll(async () => {
    deps = (await buildWorld('2026-03-15T09:00:00Z')).deps;
    await loadDemoHistory(deps.stores, deps.config, options);
  });

  it('is the same for the same seed and dates', async () => {
    const [schools, staff] = await Promise.all([deps.stores.schools.list(), deps.stores.staff.list()]);
    staff.sort((a, b) => a.userId.localeCompare(b.userId));
    const first = planDemoHistory(schools, staff, deps.config, options).map((p) => ({ child: p.child, c: p.caseDraft('1'), final: p.caseFinal({ purchaseIds: ['2'], contractIds: ['3'] }) }));
    const again = planDemoHistory(schools, staff, deps.config, options).map((p) => ({ child: p.child, c: p.caseDraft('1'), final: p.caseFinal({ purchaseIds: ['2'], contractIds: ['3'] }) }));
    expect(again).toEqual(first);
  });

  it('is valid against the workflow\'s schemas, and covers the mixes the figures break down by', async () => {
    const [cases, children, records, contracts, purchases] = await Promise.all([
      deps.stores.cases.list(), deps.stores.children.list(), deps.stores.records.list(), deps.stores.contracts.list(), deps.stores.purchases.list(),
    ]);
    for (const c of cases) Case.parse(c);
    for (const c of children) Child.parse(c);
    for (const r of records) CaseRecord.parse(r);
    for (const c of contracts) Contract.parse(c);
    for (const p of purchases) Purchase.parse(p);
    // The first year whole, the second up to mid-March.
    expect(cases.length).toBeGreaterThan(80);
    expect(cases.length).toBeLessThan(120);
    expect(cases.every((c) => c.referralDate <= options.until && c.referralDate >= '2024-09-01')).toBe(true);
    const closed = cases.filter((c) => c.status === 'closed');
    expect(closed.filter((c) => c.closure?.how === 'review-ended').every((c) => c.closure?.destination)).toBe(true);
    expect(closed.some((c) => c.closure?.how !== 'review-ended')).toBe(true);
    expect(cases.some((c) => c.status === 'open' && c.contractInForce)).toBe(true);
    expect(new Set(children.map((c) => c.gender)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(children.map((c) => c.send))).toEqual(new Set(['none', 'sen-support', 'ehc-plan']));
    expect(children.some((c) => c.lookedAfter) && children.some((c) => c.pupilPremium) && children.some((c) => c.freeSchoolMeals)).toBe(true);
    expect(children.some((c) => /[^\p{Script=Latin}\s'-]/u.test(c.lastName))).toBe(true);
    const kinds = new Set(records.map((r) => r.body.kind));
    for (const kind of ['observation', 'home-visit', 'time', 'support-session', 'review', 'meeting', 'information-returned']) expect(kinds).toContain(kind);
    expect(contracts.every((c) => c.decisions.some((d) => d.outcome === 'approved'))).toBe(true);
    expect(purchases.filter((p) => p.caseId).length).toBeGreaterThan(50);
    // Some cases use more hours than their packages hold.
    const hoursOf = (caseId: string) => records.filter((r) => r.caseId === caseId).reduce((sum, r) => sum + (r.body.kind === 'support-session' || (r.body.kind === 'time' && r.body.activity !== 'travel') ? r.body.hours : 0), 0);
    const boughtFor = (caseId: string) => purchases.filter((p) => p.caseId === caseId).reduce((sum, p) => sum + p.hours, 0);
    expect(closed.some((c) => hoursOf(c.id) > boughtFor(c.id))).toBe(true);
    expect(closed.some((c) => hoursOf(c.id) < boughtFor(c.id))).toBe(true);
  });

  it('seeds the academic year before today\'s and today\'s', () => {
    expect(demoAcademicYears('2026-12-03')).toEqual(['2025-26', '2026-27']);
    expect(demoAcademicYears('2026-07-03')).toEqual(['2024-25', '2025-26']);
  });
});
