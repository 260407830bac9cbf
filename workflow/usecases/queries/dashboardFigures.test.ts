import { buildWorld, errorOf, people, value, type World } from '../../../tests/support/world';
import { demoPriceLists, demoYear } from '../../reporting/demoYear.testing';
import type { WorkflowDeps } from '../deps';
import { dashboardFigures } from './dashboardFigures';

describe('dashboardFigures', () => {
  let world: World;
  let deps: WorkflowDeps;
  let reads: number;

  beforeEach(async () => {
    world = await buildWorld('2026-09-14T09:00:00Z');
    reads = 0;
    const demo = demoYear();
    deps = {
      ...world.deps,
      config: { ...world.config, priceLists: demoPriceLists() },
      history: {
        read: async () => {
          reads += 1;
          return demo.history;
        },
      },
    };
  });

  const pupils = (f: { headlines: { id: string; value: number }[] }) => f.headlines.find((h) => h.id === 'pupils')?.value;

  it("gives a manager the year's figures, reading the history once and auditing the period only", async () => {
    const manager = await world.staff(people.manager);
    const f = value(await dashboardFigures(deps, manager, { year: '2025-26' }));
    expect(f.period).toEqual({ label: 'Academic year 2025-26', from: '2025-09-01', to: '2026-08-31' });
    expect(pupils(f)).toBe(23);
    expect(f.computedAt).toBe('2026-09-14T09:00:00.000Z');
    expect(reads).toBe(1);
    const entries = world.memory.audit.all().filter((e) => e.action === 'figures.viewed');
    expect(entries).toEqual([{ at: '2026-09-14T09:00:00.000Z', actorId: people.manager, action: 'figures.viewed', detail: { from: '2025-09-01', to: '2026-08-31' } }]);
  });

  it('lets an admin see them too, and audits each view', async () => {
    const admin = await world.staff(people.admin);
    value(await dashboardFigures(deps, admin, { from: '2025-09-01', to: '2025-12-19' }));
    value(await dashboardFigures(deps, admin, { from: '2025-09-01', to: '2025-12-19' }));
    expect(world.memory.audit.all().filter((e) => e.action === 'figures.viewed')).toHaveLength(2);
  });

  it('refuses a worker under the Roles rule, reading nothing', async () => {
    const worker = await world.staff(people.worker);
    const error = errorOf(await dashboardFigures(deps, worker, { year: '2025-26' }));
    expect(error).toMatchObject({ code: 'RoleRequired', rule: 'Roles' });
    expect(reads).toBe(0);
  });

  it('shows the academic year of today when no period is asked for', async () => {
    const manager = await world.staff(people.manager);
    const f = value(await dashboardFigures(deps, manager, {}));
    expect(f.period.label).toBe('Academic year 2026-27');
  });

  it('narrows by a school on the Schools list', async () => {
    const manager = await world.staff(people.manager);
    const [school] = await world.deps.stores.schools.list();
    const f = value(await dashboardFigures(deps, manager, { year: '2025-26', school: school?.id }));
    expect(pupils(f)).toBe(0);
    const audited = world.memory.audit.all().find((e) => e.action === 'figures.viewed');
    expect(audited?.detail).toEqual({ from: '2025-09-01', to: '2026-08-31', schoolId: school?.id });
  });

  it.each([
    [{ year: '2025-27' }, 'year'],
    [{ year: '2025-26', from: '2025-09-01' }, 'year'],
    [{ from: '2025-09-01' }, 'to'],
    [{ to: '2025-09-01' }, 'from'],
    [{ from: '2026-01-01', to: '2025-12-31' }, 'to'],
    [{ from: '2020-09-01', to: '2025-09-01' }, 'to'],
    [{ from: '2026-02-30', to: '2026-03-31' }, 'from'],
    [{ year: '2025-26', school: 'no-such-school' }, 'school'],
    [{ year: '2025-26', worker: 'no-such-worker' }, 'worker'],
    [{ year: '2025-26', package: 'gold' }, 'package'],
  ])('refuses %j, naming %s', async (query, field) => {
    const manager = await world.staff(people.manager);
    expect(errorOf(await dashboardFigures(deps, manager, query))).toMatchObject({ code: 'ValidationFailed', field });
    expect(reads).toBe(0);
  });

  it('takes a range of exactly five years', async () => {
    const manager = await world.staff(people.manager);
    value(await dashboardFigures(deps, manager, { from: '2020-09-01', to: '2025-08-31' }));
  });

  it('reads the stores when there is no ServiceHistory', async () => {
    const manager = await world.staff(people.manager);
    const f = value(await dashboardFigures({ ...world.deps }, manager, { year: '2025-26' }));
    expect(f.tables.length).toBeGreaterThan(0);
  });
});
