import { closeEarly, closedCases } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { walkCaseToClosure } from '../support/walkCase';
import { buildWorld, people, value } from '../support/world';

/** Closed cases are listed by their indexed closure month: each way of closing sets it. */
describe('closedMonth, the month a case closed', () => {
  it('completeCase and closeEarly set it from the closure day, and the closed list finds the cases by it', async () => {
    const world = await buildWorld();
    const completed = await walkCaseToClosure(world);
    expect(completed.closedMonth).toBe(completed.closure?.on.slice(0, 7));

    const steps = caseSteps(world);
    const opened = await steps.refer();
    await steps.allocate(opened.case.id);
    const early = value(await closeEarly(world.deps, await world.staff(people.worker), { caseId: opened.case.id, reason: 'moved-school' }));
    expect(early.closedMonth).toBe(early.closure?.on.slice(0, 7));

    // The walk closed the case on its last event's day, after the test's clock: list from that day.
    world.memory.clock.set(`${completed.closure?.on}T17:00:00Z`);
    const listed = value(await closedCases(world.deps, await world.staff(people.manager))).map((c) => c.id);
    expect(listed).toEqual(expect.arrayContaining([completed.id, early.id]));
    const own = value(await closedCases(world.deps, await world.staff(people.worker))).map((c) => c.id);
    expect(own).toEqual(expect.arrayContaining([completed.id, early.id]));
  }, 30_000); // a whole case walked: seconds on a loaded 2-core machine
});
