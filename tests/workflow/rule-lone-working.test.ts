import { alertIfCheckOutMissed, CHECK_OUT_GRACE_MINUTES, checkIn, checkOut, type CaseLedger } from '../../workflow';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, errorOf, key, people, value } from '../support/world';

describe('Rule "Lone working": check-in, check-out, and the manager alerted 30 minutes after a missed check-out', () => {
  async function visit() {
    const world = await buildWorld('2026-09-25T15:00:00Z');
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    const worker = await world.staff(people.worker);
    // 16:00-17:00 London (BST) is 15:00-16:00 UTC.
    const visitRecord = value(await checkIn(world.deps, worker, { caseId: opened.case.id, requestKey: key(), place: 'school', plannedStart: '2026-09-25T15:00:00Z', plannedEnd: '2026-09-25T16:00:00Z' }));
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

  it('no alert after a check-out; a second check-out (a double click) writes nothing and answers the first', async () => {
    const { world, worker, record, caseId } = await visit();
    world.memory.clock.set('2026-09-25T16:05:00Z');
    expect(value(await checkOut(world.deps, worker, { caseId, recordId: record.id })).repeated).toBe(false);
    world.memory.clock.set('2026-09-25T16:06:00Z');
    const again = value(await checkOut(world.deps, worker, { caseId, recordId: record.id }));
    expect(again.repeated).toBe(true);
    expect(again.record.body).toMatchObject({ checkedOutAt: '2026-09-25T16:05:00.000Z' });
    world.memory.clock.set('2026-09-25T18:00:00Z');
    expect(await alertIfCheckOutMissed(world.deps, record.id)).toBe('checked-out');
  });

  it('refuses a planned end before the start', async () => {
    const world = await buildWorld();
    const opened = await caseSteps(world).refer();
    const result = await checkIn(world.deps, await world.staff(people.manager), { caseId: opened.case.id, requestKey: key(), place: 'school', plannedStart: '2026-09-25T16:00:00Z', plannedEnd: '2026-09-25T15:00:00Z' });
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
    const at = (plannedStart: string, plannedEnd: string) => checkIn(world.deps, manager, { caseId: opened.case.id, requestKey: key(), place: 'school', plannedStart, plannedEnd });
    // 16:00 in BST is 15:00Z: an end at 15:30Z is after it, though "15:30Z" sorts before "16:00+01:00".
    value(await at('2026-09-25T16:00:00+01:00', '2026-09-25T15:30:00Z'));
    // ...and an end at 16:00+01:00 (15:00Z) is before a start at 15:30Z, though it sorts after it.
    expect(errorOf(await at('2026-09-25T15:30:00Z', '2026-09-25T16:00:00+01:00'))).toMatchObject({ code: 'ValidationFailed', field: 'plannedEnd' });
  });

  describe('the lone-working check-in has no where', () => {
    /** A case whose child has a mother with an address on file and a father without one. */
    async function caseWithAddress() {
      const world = await buildWorld('2026-09-25T13:00:00Z');
      const school = await world.schoolByUrn('100001');
      const parents = [
        { name: 'Casey Testfield', relationship: 'mother', parentalResponsibility: true, address: '12 Elm Road, Harbourtown HT1 2AB', preferredContact: 'letter' },
        { name: 'Jo Testfield', relationship: 'father', parentalResponsibility: true, phone: '01632 960111' },
      ];
      const opened = await caseSteps(world).refer('100001', { child: childDetails(school.id, { parents }) });
      await caseSteps(world).allocate(opened.case.id);
      return { world, caseId: opened.case.id, worker: await world.staff(people.worker) };
    }

    it('records where the visit is: the parent/carer address on file, chosen by its place; the check-in starts now', async () => {
      const { world, caseId, worker } = await caseWithAddress();
      const added = value(await checkIn(world.deps, worker, { caseId, requestKey: key(), place: 'home-1', plannedEnd: '2026-09-25T14:00:00Z' }));
      expect(added.record.body).toMatchObject({ where: { kind: 'home', address: '12 Elm Road, Harbourtown HT1 2AB' }, plannedStart: '2026-09-25T13:00:00.000Z', checkedInAt: '2026-09-25T13:00:00.000Z' });
      // The father has no address on file: there is no place for him.
      expect(errorOf(await checkIn(world.deps, worker, { caseId, requestKey: key(), place: 'home-2', plannedEnd: '2026-09-25T14:00:00Z' }))).toMatchObject({ field: 'place', rule: 'Lone working' });
    });

    it('without an address on file the place is the school; somewhere else needs the address typed', async () => {
      const world = await buildWorld('2026-09-25T13:00:00Z');
      const opened = await caseSteps(world).refer();
      await caseSteps(world).allocate(opened.case.id);
      const worker = await world.staff(people.worker);
      const caseId = opened.case.id;
      const school = value(await checkIn(world.deps, worker, { caseId, requestKey: key(), place: 'school', plannedEnd: '2026-09-25T14:00:00Z' }));
      expect(school.record.body).toMatchObject({ where: { kind: 'school', address: (await world.schoolByUrn('100001')).name } });
      expect(errorOf(await checkIn(world.deps, worker, { caseId, requestKey: key(), place: 'home-1', plannedEnd: '2026-09-25T14:00:00Z' }))).toMatchObject({ field: 'place' });
      expect(errorOf(await checkIn(world.deps, worker, { caseId, requestKey: key(), place: 'elsewhere', address: ' ', plannedEnd: '2026-09-25T14:00:00Z' }))).toMatchObject({ field: 'address', rule: 'Lone working' });
      const typed = value(await checkIn(world.deps, worker, { caseId, requestKey: key(), place: 'elsewhere', address: 'Family centre, 3 Quay St', plannedEnd: '2026-09-25T14:00:00Z' }));
      expect(typed.record.body).toMatchObject({ where: { kind: 'elsewhere', address: 'Family centre, 3 Quay St' } });
    });

    it('the planned end must be after now and within 12 hours', async () => {
      const { world, caseId, worker } = await caseWithAddress();
      const at = (plannedEnd: string) => checkIn(world.deps, worker, { caseId, requestKey: key(), place: 'home-1', plannedEnd });
      expect(errorOf(await at('2026-09-25T12:59:00Z'))).toMatchObject({ field: 'plannedEnd', rule: 'Lone working', message: expect.stringContaining('has passed') });
      expect(errorOf(await at('2026-09-26T01:01:00Z'))).toMatchObject({ field: 'plannedEnd', rule: 'Lone working', message: expect.stringContaining('more than 12 hours') });
      value(await at('2026-09-26T01:00:00Z'));
      expect((await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'lone-working')).toHaveLength(1);
    });
  });

  it('missed check-out alert does not say where: it names the worker, where they went and the planned end', async () => {
    const world = await buildWorld('2026-09-25T13:00:00Z');
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    const worker = await world.staff(people.worker);
    const added = value(await checkIn(world.deps, worker, { caseId: opened.case.id, requestKey: key(), place: 'elsewhere', address: 'Family centre, 3 Quay St', plannedEnd: '2026-09-25T14:00:00Z' }));
    world.memory.clock.set('2026-09-25T14:31:00Z');
    expect(await alertIfCheckOutMissed(world.deps, added.record.id)).toBe('alerted');
    const [alert] = world.memory.notifier.sent.filter((n) => n.kind === 'lone-working-check-out-missed');
    expect(alert?.summary).toContain('Worker: Harriet Lunde');
    expect(alert?.summary).toContain('Where: Family centre, 3 Quay St');
    // 14:00 UTC is 15:00 in London (BST).
    expect(alert?.summary).toContain('Planned end: Fri 25 Sep 2026, 15:00');
    expect(alert?.summary).toContain('31 minutes after its planned end');
  });
});
