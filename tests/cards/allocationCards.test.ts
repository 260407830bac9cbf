import { actionOf, buildCardWorld, cardText, executeActions, inputIds } from './cardWorld';
import { people } from '../support/world';

async function caseAtStep2() {
  const cw = await buildCardWorld();
  const opened = await cw.steps.refer();
  return { ...cw, caseId: opened.case.id, reference: opened.case.reference };
}

async function allocatedCase() {
  const cw = await caseAtStep2();
  await cw.steps.allocate(cw.caseId, 'worker');
  return cw;
}

describe('allocate card', () => {
  it("shows every active worker with their open cases and weekly hours, and the case card offers it to the manager", async () => {
    const cw = await caseAtStep2();
    // Give Tomasz Frey one case already, so the loads differ.
    const other = await cw.steps.refer('100002');
    await cw.steps.allocate(other.case.id, 'otherWorker');
    const { card: caseView } = await cw.act('manager', 'case.open', { caseId: cw.caseId });
    expect(actionOf(caseView, 'allocate.open').data).toEqual({ caseId: cw.caseId });
    const { card } = await cw.act('manager', 'allocate.open', { caseId: cw.caseId });
    const shown = cardText(card);
    expect(inputIds(card)).toEqual(['workerId']);
    expect(shown).toContain('Harriet Lunde: 0 open cases, 30 h a week');
    expect(shown).toContain('Tomasz Frey: 1 open case, 22.5 h a week');
    expect(shown).toContain('Morgan Ashby: 0 open cases, 15 h a week');
    expect(shown).toContain('Dev Okonjo: 0 open cases, 30 h a week');
    expect(shown).not.toContain('Lena Marsh'); // not active
    expect(shown).not.toContain('Priya Calloway'); // admin, not a worker
  });

  it('allocating records the worker, tells them, and answers with no live buttons; a second allocation says it is already allocated', async () => {
    const { act, caseId, world } = await caseAtStep2();
    const submit = actionOf((await act('manager', 'allocate.open', { caseId })).card, 'allocate.submit');
    const done = await act('manager', 'allocate.submit', { ...submit.data, workerId: people.worker });
    expect(cardText(done.card)).toContain('Case allocated');
    expect(cardText(done.card)).toContain('Harriet Lunde');
    expect(cardText(done.card)).toContain('Recorded by Morgan Ashby');
    expect(executeActions(done.card)).toEqual([]);
    expect((await world.deps.stores.cases.get(caseId))?.workerId).toBe(people.worker);
    expect(world.memory.notifier.sent.filter((n) => n.kind === 'case-allocated' && n.recipientId === people.worker)).toHaveLength(1);

    const again = await act('manager', 'allocate.submit', { ...submit.data, workerId: people.otherWorker });
    expect(cardText(again.card)).toContain('Nothing new was recorded');
    expect(cardText(again.card)).toContain('already allocated');
    expect(cardText(again.card)).toContain('Use reallocate');
    expect(executeActions(again.card)).toEqual([]);
    expect((await world.deps.stores.cases.get(caseId))?.workerId).toBe(people.worker);
  });

  it('submitting with no worker chosen shows the form again naming the field', async () => {
    const { act, caseId } = await caseAtStep2();
    const submit = actionOf((await act('manager', 'allocate.open', { caseId })).card, 'allocate.submit');
    const again = await act('manager', 'allocate.submit', { ...submit.data, workerId: '' });
    expect(cardText(again.card)).toContain('workerId');
    expect(actionOf(again.card, 'allocate.submit').data.requestKey).toBe(submit.data.requestKey);
  });

  it('only a manager can allocate: an administrator is refused, naming the role', async () => {
    const { act, caseId, world } = await caseAtStep2();
    const { card: caseView } = await act('admin', 'case.open', { caseId });
    expect(executeActions(caseView).map((a) => a.verb)).not.toContain('allocate.open');
    const submit = actionOf((await act('manager', 'allocate.open', { caseId })).card, 'allocate.submit');
    const refused = await act('admin', 'allocate.submit', { ...submit.data, workerId: people.worker });
    expect(cardText(refused.card)).toContain('Only manager staff can allocate a case');
    expect(executeActions(refused.card)).toEqual([]);
    expect((await world.deps.stores.cases.get(caseId))?.workerId).toBeUndefined();
  });
});

describe('reallocate card', () => {
  it('the manager sees reallocate on the case card; the worker does not', async () => {
    const { act, caseId } = await allocatedCase();
    expect(actionOf((await act('manager', 'case.open', { caseId })).card, 'reallocate.open').data).toEqual({ caseId });
    expect(executeActions((await act('worker', 'case.open', { caseId })).card).map((a) => a.verb)).not.toContain('reallocate.open');
  });

  it('needs a reason: without one the form comes back naming it, and the case stays with its worker', async () => {
    const { act, caseId, world } = await allocatedCase();
    const { card: form } = await act('manager', 'reallocate.open', { caseId });
    expect(inputIds(form)).toEqual(['workerId', 'reason']);
    expect(cardText(form)).toContain('Harriet Lunde: 1 open case, 30 h a week');
    const submit = actionOf(form, 'reallocate.submit');
    const again = await act('manager', 'reallocate.submit', { ...submit.data, workerId: people.otherWorker, reason: '' });
    expect(cardText(again.card)).toContain('Reason is required.');
    expect(cardText(again.card)).toContain('Check: reason');
    expect(cardText(again.card)).not.toContain('received undefined');
    expect(inputIds(again.card)).toContain('reason');
    expect((await world.deps.stores.cases.get(caseId))?.workerId).toBe(people.worker);
  });

  it('with a reason it moves the case, notes it in the chronology and tells the new worker', async () => {
    const { act, caseId, world } = await allocatedCase();
    const submit = actionOf((await act('manager', 'reallocate.open', { caseId })).card, 'reallocate.submit');
    const done = await act('manager', 'reallocate.submit', { ...submit.data, workerId: people.otherWorker, reason: 'Harriet is on leave for three weeks.' });
    expect(cardText(done.card)).toContain('Case reallocated');
    expect(cardText(done.card)).toContain('Tomasz Frey');
    expect(executeActions(done.card)).toEqual([]);
    expect((await world.deps.stores.cases.get(caseId))?.workerId).toBe(people.otherWorker);
    const notes = (await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'chronology');
    expect(notes.map((r) => (r.body.kind === 'chronology' ? r.body.note : ''))).toContain('Case reallocated to Tomasz Frey: Harriet is on leave for three weeks.');
    expect(world.memory.notifier.sent.filter((n) => n.kind === 'case-reallocated' && n.recipientId === people.otherWorker)).toHaveLength(1);

    const twice = await act('manager', 'reallocate.submit', { ...submit.data, workerId: people.otherWorker, reason: 'Harriet is on leave for three weeks.' });
    expect(cardText(twice.card)).toContain('Nothing new was recorded');
    expect(world.memory.notifier.sent.filter((n) => n.kind === 'case-reallocated')).toHaveLength(1);
  });

  it('a worker submitting a reallocation is refused, naming the role, and nothing moves', async () => {
    const { act, caseId, world } = await allocatedCase();
    const submit = actionOf((await act('manager', 'reallocate.open', { caseId })).card, 'reallocate.submit');
    const refused = await act('worker', 'reallocate.submit', { ...submit.data, workerId: people.otherWorker, reason: 'Swap' });
    expect(cardText(refused.card)).toContain('Only manager staff can reallocate a case');
    expect(executeActions(refused.card)).toEqual([]);
    expect((await world.deps.stores.cases.get(caseId))?.workerId).toBe(people.worker);
  });

  it('a worker opening reallocate.open (an old or forwarded card) is refused naming the role, not shown an empty worker list', async () => {
    const { act, caseId } = await allocatedCase();
    const opened = await act('worker', 'reallocate.open', { caseId });
    expect(cardText(opened.card)).toContain('Only manager staff can reallocate a case');
    expect(inputIds(opened.card)).toEqual([]);
    expect(executeActions(opened.card)).toEqual([]);
    // A worker whose case it is not is told the same: the role is checked before the case is read.
    const other = await act('otherWorker', 'allocate.open', { caseId });
    expect(cardText(other.card)).toContain('Only manager staff can allocate a case');
    expect(inputIds(other.card)).toEqual([]);
  });
});

describe('information request card', () => {
  it("is a confirmation naming the school's SENCo; sending mails the SENCo once even on a double click", async () => {
    const { act, caseId, reference, world } = await caseAtStep2();
    const { card: caseView } = await act('admin', 'case.open', { caseId });
    expect(actionOf(caseView, 'information-request.open').data).toEqual({ caseId });
    const { card: form } = await act('admin', 'information-request.open', { caseId });
    expect(cardText(form)).toContain('Sam Wren at Alderbrook Primary School');
    expect(inputIds(form)).toEqual([]);
    const submit = actionOf(form, 'information-request.submit');
    const first = await act('admin', 'information-request.submit', submit.data);
    const second = await act('admin', 'information-request.submit', submit.data);
    expect(cardText(first.card)).toContain('Information request sent');
    expect(cardText(first.card)).toContain('Sent by Priya Calloway');
    expect(executeActions(first.card)).toEqual([]);
    expect(cardText(second.card)).toContain('Nothing new was recorded');
    expect(world.memory.mailer.outbox).toHaveLength(1);
    const mail = world.memory.mailer.outbox[0];
    expect(mail?.to).toEqual(['senco@alderbrookprim.sch.example.org']);
    expect(mail?.subject).toContain(reference);
    expect(mail?.subject).not.toMatch(/Rowan|Testfield/);
    expect((await world.deps.stores.cases.get(caseId))?.milestones.informationRequested?.by).toBe(people.admin);
  });

  it('a worker is refused, naming the roles, and no mail goes', async () => {
    const { act, caseId, world } = await allocatedCase();
    const submit = actionOf((await act('admin', 'information-request.open', { caseId })).card, 'information-request.submit');
    const refused = await act('worker', 'information-request.submit', submit.data);
    expect(cardText(refused.card)).toContain('Only admin or manager staff can send the information request');
    expect(world.memory.mailer.outbox).toHaveLength(0);
  });

  it('a worker opening it is refused at open, naming the roles, with nothing to send', async () => {
    const { act, caseId } = await allocatedCase();
    const opened = await act('worker', 'information-request.open', { caseId });
    expect(cardText(opened.card)).toContain('Only admin or manager staff can send the information request');
    expect(executeActions(opened.card)).toEqual([]);
  });
});

describe('information returned card', () => {
  it('records the date, the form and the PDP, and moves the allocated case on to step 3', async () => {
    const { act, caseId, world } = await allocatedCase();
    const { card: form } = await act('admin', 'information-returned.open', { caseId });
    expect(inputIds(form)).toEqual(['returnedOn', 'formReturned', 'pdpReturned', 'notes']);
    const submit = actionOf(form, 'information-returned.submit');
    const done = await act('admin', 'information-returned.submit', { ...submit.data, returnedOn: '2026-09-18', formReturned: 'true', pdpReturned: 'false', notes: 'PDP to follow next week.' });
    const shown = cardText(done.card);
    expect(shown).toContain('Information returned recorded');
    expect(shown).toContain('Fri 18 Sep 2026');
    expect(shown).toContain('PDP to follow next week.');
    expect(shown).toContain('Recorded by Priya Calloway');
    expect(executeActions(done.card)).toEqual([]);
    expect(cardText(done.followUp)).toContain('Step 3 of 10');
    const records = (await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'information-returned');
    expect(records).toHaveLength(1);
    expect(records[0]?.body).toMatchObject({ returnedOn: '2026-09-18', formReturned: true, pdpReturned: false });

    const twice = await act('admin', 'information-returned.submit', { ...submit.data, returnedOn: '2026-09-18', formReturned: 'true', pdpReturned: 'false' });
    expect(cardText(twice.card)).toContain('nothing was written twice');
    expect((await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'information-returned')).toHaveLength(1);
  });

  it('a missing date shows the form again naming it', async () => {
    const { act, caseId } = await allocatedCase();
    const submit = actionOf((await act('admin', 'information-returned.open', { caseId })).card, 'information-returned.submit');
    const again = await act('admin', 'information-returned.submit', { ...submit.data, returnedOn: '', formReturned: 'true', pdpReturned: 'true', notes: 'Kept' });
    expect(cardText(again.card)).toContain('returnedOn');
    expect(cardText(again.card)).toContain('Kept');
  });
});
