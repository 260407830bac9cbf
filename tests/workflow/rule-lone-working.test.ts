import { alertIfCheckOutMissed, CHECK_OUT_GRACE_MINUTES, checkIn, checkOut, type CaseLedger } from '../../workflow';
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
    return { world, worker, record: visitRecord.record, caseId: opened.case.id };
  }

  it('the workflow exports the grace period (and the case ledger type) for the cards to use', () => {
    expect(CHECK_OUT_GRACE_MINUTES).toBe(30);
    const totals: keyof CaseLedger = 'totals';
    expect(totals).toBe('totals');
  });

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
    expect(alerts.map((a) => a.recipientId)).toEqual([people.manager, people.deputy]);
  });

  it('no alert after a check-out; a second check-out is refused', async () => {
    const { world, worker, record, caseId } = await visit();
    world.memory.clock.set('2026-09-25T16:05:00Z');
    value(await checkOut(world.deps, worker, { caseId, recordId: record.id }));
    expect(errorOf(await checkOut(world.deps, worker, { caseId, recordId: record.id })).code).toBe('AlreadyDone');
    world.memory.clock.set('2026-09-25T18:00:00Z');
    expect(await alertIfCheckOutMissed(world.deps, record.id)).toBe('checked-out');
  });

  it('refuses a planned end before the start', async () => {
    const world = await buildWorld();
    const opened = await caseSteps(world).refer();
    const result = await checkIn(world.deps, await world.staff(people.manager), { caseId: opened.case.id, requestKey: key(), plannedStart: '2026-09-25T16:00:00Z', plannedEnd: '2026-09-25T15:00:00Z' });
    expect(errorOf(result)).toMatchObject({ field: 'plannedEnd' });
  });

  it('refuses a check-out of a visit on a different case than the one given, and checks nothing out', async () => {
    const { world, record } = await visit();
    const other = await caseSteps(world).refer('100002');
    await caseSteps(world).allocate(other.case.id);
    const manager = await world.staff(people.manager);
    const refused = await checkOut(world.deps, manager, { caseId: other.case.id, recordId: record.id });
    expect(errorOf(refused)).toMatchObject({ code: 'NotFound', field: 'recordId' });
    expect((await world.deps.stores.records.get(record.id))?.body).not.toHaveProperty('checkedOutAt');
    expect(errorOf(await checkOut(world.deps, manager, { recordId: record.id }))).toMatchObject({ code: 'ValidationFailed', field: 'caseId' });
  });

  it('compares the planned start and end as instants, not as text', async () => {
    const world = await buildWorld();
    const opened = await caseSteps(world).refer();
    const manager = await world.staff(people.manager);
    const at = (plannedStart: string, plannedEnd: string) => checkIn(world.deps, manager, { caseId: opened.case.id, requestKey: key(), plannedStart, plannedEnd });
    // 16:00 in BST is 15:00Z: an end at 15:30Z is after it, though "15:30Z" sorts before "16:00+01:00".
    value(await at('2026-09-25T16:00:00+01:00', '2026-09-25T15:30:00Z'));
    // ...and an end at 16:00+01:00 (15:00Z) is before a start at 15:30Z, though it sorts after it.
    expect(errorOf(await at('2026-09-25T15:30:00Z', '2026-09-25T16:00:00+01:00'))).toMatchObject({ code: 'ValidationFailed', field: 'plannedEnd' });
  });
});
