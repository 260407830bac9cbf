import { addAddendum, addChronologyEntry, amendRecord, markRecordAsConcern, raiseSafeguardingConcern } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, errorOf, key, people, value } from '../support/world';

describe('Rule "Safeguarding": a concern alerts the DSL at once and locks the record', () => {
  async function openCase() {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const opened = await steps.refer();
    await steps.allocate(opened.case.id);
    return { world, id: opened.case.id, worker: await world.staff(people.worker) };
  }

  it('raising a concern locks it and alerts every DSL, by case reference only', async () => {
    const { world, id, worker } = await openCase();
    const raised = value(await raiseSafeguardingConcern(world.deps, worker, { caseId: id, requestKey: key(), concern: 'Bruising seen', actionTaken: 'Told school DSL' }));
    expect(raised.record).toMatchObject({ safeguarding: true, locked: true, lockedBy: people.worker });
    const alert = world.memory.notifier.sent.find((n) => n.kind === 'safeguarding-concern');
    expect(alert).toMatchObject({ recipientId: people.dsl, caseId: id });
    expect(alert?.summary).not.toContain('Rowan');
  });

  it('refuses editing a locked safeguarding record, and accepts an addendum', async () => {
    const { world, id, worker } = await openCase();
    const raised = value(await raiseSafeguardingConcern(world.deps, worker, { caseId: id, requestKey: key(), concern: 'Bruising seen', actionTaken: 'Told school DSL' }));
    const edit = await amendRecord(world.deps, worker, { recordId: raised.record.id, etag: raised.record.etag, body: { ...raised.record.body, concern: 'Changed' } });
    expect(errorOf(edit)).toMatchObject({ code: 'RecordLocked', rule: 'Safeguarding' });
    const addendum = value(await addAddendum(world.deps, worker, { recordId: raised.record.id, requestKey: key(), text: 'Parent phoned back.' }));
    expect(addendum.record.body).toMatchObject({ kind: 'addendum', toRecordId: raised.record.id });
    expect(addendum.record.locked).toBe(true);
    expect((await world.deps.stores.records.get(raised.record.id))?.body).toMatchObject({ concern: 'Bruising seen' });
  });

  it('marks any existing record as a concern; it is then locked', async () => {
    const { world, id, worker } = await openCase();
    const note = value(await addChronologyEntry(world.deps, worker, { caseId: id, requestKey: key(), on: '2026-09-15', category: 'contact', note: 'Pupil said something worrying.' }));
    const marked = value(await markRecordAsConcern(world.deps, worker, { recordId: note.record.id }));
    expect(marked).toMatchObject({ safeguarding: true, locked: true });
    expect(world.memory.notifier.sent.some((n) => n.kind === 'safeguarding-concern' && n.recipientId === people.dsl)).toBe(true);
    expect(errorOf(await amendRecord(world.deps, worker, { recordId: note.record.id, etag: marked.etag, body: note.record.body })).code).toBe('RecordLocked');
  });

  it('an unlocked record can be amended, but an edit from a stale copy is reported, not overwritten', async () => {
    const { world, id, worker } = await openCase();
    const note = value(await addChronologyEntry(world.deps, worker, { caseId: id, requestKey: key(), on: '2026-09-15', category: 'note', note: 'First' }));
    value(await amendRecord(world.deps, worker, { recordId: note.record.id, etag: note.record.etag, body: { ...note.record.body, note: 'Second' } }));
    const stale = await amendRecord(world.deps, await world.staff(people.manager), { recordId: note.record.id, etag: note.record.etag, body: { ...note.record.body, note: 'Third' } });
    expect(errorOf(stale)).toMatchObject({ code: 'ConcurrentChange' });
    expect((await world.deps.stores.records.get(note.record.id))?.body).toMatchObject({ note: 'Second' });
  });
});
