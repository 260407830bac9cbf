import { alertIfCheckOutMissed, checkIn, checkOut } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, errorOf, key, people, value } from '../support/world';

describe('Rule "Lone working": check-in, check-out, and the manager alerted 30 minutes after a missed check-out', () => {
  async function visit() {
    const world = await buildWorld('2026-09-25T15:00:00Z');
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    const worker = await world.staff(people.worker);
    // 16:00-17:00 London (BST) is 15:00-16:00 UTC.
    const visitRecord = value(await checkIn(world.deps, worker, { caseId: opened.case.id, requestKey: key(), plannedStart: '2026-09-25T15:00:00Z', plannedEnd: '2026-09-25T16:00:00Z' }));
    return { world, worker, record: visitRecord.record };
  }

  it('does not alert within 30 minutes of the planned end', async () => {
    const { world, record } = await visit();
    world.memory.clock.set('2026-09-25T16:30:00Z');
    expect(await alertIfCheckOutMissed(world.deps, record.id)).toBe('not-yet');
    expect(world.memory.notifier.sent.filter((n) => n.kind === 'lone-working-check-out-missed')).toHaveLength(0);
  });

  it('alerts every manager once when there is no check-out 30 minutes after the planned end', async () => {
    const { world, record } = await visit();
    world.memory.clock.set('2026-09-25T16:31:00Z');
    expect(await alertIfCheckOutMissed(world.deps, record.id)).toBe('alerted');
    expect(await alertIfCheckOutMissed(world.deps, record.id)).toBe('already-alerted');
    const alerts = world.memory.notifier.sent.filter((n) => n.kind === 'lone-working-check-out-missed');
    expect(alerts.map((a) => a.recipientId)).toEqual([people.manager]);
  });

  it('no alert after a check-out; a second check-out is refused', async () => {
    const { world, worker, record } = await visit();
    world.memory.clock.set('2026-09-25T16:05:00Z');
    value(await checkOut(world.deps, worker, { recordId: record.id }));
    expect(errorOf(await checkOut(world.deps, worker, { recordId: record.id })).code).toBe('AlreadyDone');
    world.memory.clock.set('2026-09-25T18:00:00Z');
    expect(await alertIfCheckOutMissed(world.deps, record.id)).toBe('checked-out');
  });

  it('refuses a planned end before the start', async () => {
    const world = await buildWorld();
    const opened = await caseSteps(world).refer();
    const result = await checkIn(world.deps, await world.staff(people.manager), { caseId: opened.case.id, requestKey: key(), plannedStart: '2026-09-25T16:00:00Z', plannedEnd: '2026-09-25T15:00:00Z' });
    expect(errorOf(result)).toMatchObject({ field: 'plannedEnd' });
  });
});
