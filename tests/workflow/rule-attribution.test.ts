import { addChronologyEntry, setConsent, allocateCase } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, key, people, value } from '../support/world';

describe('Rule "Attribution": every change says who and when; nothing is silently overwritten', () => {
  it('stamps records and cases with who and when, from the Clock', async () => {
    const world = await buildWorld('2026-09-15T10:20:00Z');
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    world.memory.clock.set('2026-09-16T08:00:00Z');
    const note = value(await addChronologyEntry(world.deps, await world.staff(people.worker), { caseId: opened.case.id, requestKey: key(), on: '2026-09-16', category: 'note', note: 'n' }));
    expect(note.record).toMatchObject({ createdBy: people.worker, createdAt: '2026-09-16T08:00:00.000Z' });
    const c = await world.deps.stores.cases.get(opened.case.id);
    expect(c).toMatchObject({ createdBy: people.admin, updatedBy: people.manager });
  });

  it('two people changing a case at once: both changes survive (the second re-reads and re-applies)', async () => {
    const world = await buildWorld();
    const opened = await caseSteps(world).refer();
    const manager = await world.staff(people.manager);
    const [allocated, consent] = await Promise.all([
      allocateCase(world.deps, manager, { caseId: opened.case.id, workerId: people.worker }),
      setConsent(world.deps, manager, { caseId: opened.case.id, consent: 'withdrawn' }),
    ]);
    expect(allocated.ok && consent.ok).toBe(true);
    const c = await world.deps.stores.cases.get(opened.case.id);
    expect(c).toMatchObject({ workerId: people.worker, consent: 'withdrawn' });
    expect(c?.milestones.allocated).toBeDefined();
  });

  it('the audit log records reads and changes, with ids only (no child\'s name)', async () => {
    const world = await buildWorld();
    const opened = await caseSteps(world).refer();
    const entries = await world.deps.audit.forCase(opened.case.id);
    expect(entries[0]).toMatchObject({ actorId: people.admin, action: 'case.referral-logged', caseId: opened.case.id });
    expect(JSON.stringify(entries)).not.toMatch(/Rowan|Testfield/);
  });
});
