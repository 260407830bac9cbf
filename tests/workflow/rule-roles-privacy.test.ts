import { addAddendum, addChronologyEntry, allocateCase, raiseSafeguardingConcern, identifyStaff, myCases, pauseCase, recordPurchase, viewCase, workerLoads } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, errorOf, key, people, value } from '../support/world';

describe('Roles from the Staff list; a worker acts only on their own cases', () => {
  it('refuses a worker acting on another worker\'s case', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const opened = await steps.refer();
    await steps.allocate(opened.case.id, 'worker');
    const other = await world.staff(people.otherWorker);
    const result = await addChronologyEntry(world.deps, other, { caseId: opened.case.id, requestKey: key(), on: '2026-09-15', category: 'note', note: 'Not mine' });
    expect(errorOf(result)).toMatchObject({ code: 'NotYourCase', rule: 'Privacy' });
    expect(errorOf(await viewCase(world.deps, other, { caseId: opened.case.id })).code).toBe('NotYourCase');
  });

  it('a safeguarding concern opens the case to the DSL only: another worker is still refused, and the DSL only for the concern', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const opened = await steps.refer();
    await steps.allocate(opened.case.id, 'worker');
    const caseId = opened.case.id;
    const dsl = await world.staff(people.dsl);
    const other = await world.staff(people.otherWorker);
    // No concern yet: the DSL is a worker like any other here.
    expect(errorOf(await viewCase(world.deps, dsl, { caseId })).code).toBe('NotYourCase');
    const concern = value(
      await raiseSafeguardingConcern(world.deps, await world.staff(people.worker), { caseId, requestKey: key(), concern: 'Disclosure at lunch.', actionTaken: 'Logged.' }),
    );
    expect(value(await viewCase(world.deps, dsl, { caseId })).asDsl).toBe(true);
    expect(errorOf(await viewCase(world.deps, other, { caseId })).code).toBe('NotYourCase');
    expect(errorOf(await addAddendum(world.deps, other, { recordId: concern.record.id, requestKey: key(), text: 'x' })).code).toBe('NotYourCase');
    // An addendum to a record that is not a concern stays with the caseload.
    const note = value(await addChronologyEntry(world.deps, await world.staff(people.worker), { caseId, requestKey: key(), on: '2026-09-15', category: 'note', note: 'Plain note' }));
    expect(errorOf(await addAddendum(world.deps, dsl, { recordId: note.record.id, requestKey: key(), text: 'x' })).code).toBe('NotYourCase');
    value(await addAddendum(world.deps, dsl, { recordId: concern.record.id, requestKey: key(), text: 'Strategy meeting held.' }));
  });

  it('shows a worker their own caseload and a manager every open case', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const a = await steps.refer();
    const b = await steps.refer('100002');
    await steps.allocate(a.case.id, 'worker');
    await steps.allocate(b.case.id, 'otherWorker');
    const mine = value(await myCases(world.deps, await world.staff(people.worker)));
    expect(mine.map((c) => c.id)).toEqual([a.case.id]);
    const all = value(await myCases(world.deps, await world.staff(people.manager)));
    expect(all.map((c) => c.id).sort()).toEqual([a.case.id, b.case.id].sort());
    const loads = value(await workerLoads(world.deps, await world.staff(people.manager)));
    expect(loads.find((l) => l.worker.userId === people.worker)?.openCases).toBe(1);
    expect(loads.some((l) => l.worker.userId === people.inactive)).toBe(false);
  });

  it('keeps manager-only actions to managers', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const opened = await steps.refer();
    const worker = await world.staff(people.worker);
    expect(errorOf(await allocateCase(world.deps, worker, { caseId: opened.case.id, workerId: people.worker })).code).toBe('RoleRequired');
    expect(errorOf(await pauseCase(world.deps, worker, { caseId: opened.case.id, requestKey: key(), reason: 'x' })).code).toBe('RoleRequired');
    expect(errorOf(await workerLoads(world.deps, worker)).code).toBe('RoleRequired');
    const school = await world.schoolByUrn('100004');
    expect(errorOf(await recordPurchase(world.deps, worker, { requestKey: key(), schoolId: school.id, packageCode: 'bronze', purchasedOn: '2026-09-01' })).code).toBe('RoleRequired');
  });

  it('refuses someone not on the Staff list, or inactive', async () => {
    const world = await buildWorld();
    expect(errorOf(await identifyStaff(world.deps.stores.staff, 'ffffffff-0000-4000-8000-000000000000')).code).toBe('NotOnStaffList');
    expect(errorOf(await identifyStaff(world.deps.stores.staff, people.inactive)).code).toBe('NotOnStaffList');
    expect(errorOf(await identifyStaff(world.deps.stores.staff, undefined)).code).toBe('NotOnStaffList');
    expect(value(await identifyStaff(world.deps.stores.staff, people.manager)).roles).toEqual(['manager', 'worker']);
  });
});
