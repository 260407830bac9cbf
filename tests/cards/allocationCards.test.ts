import { actionOf, buildCardWorld, cardText, executeActions, inputIds } from './cardWorld';
import { pauseCase } from '../../workflow';
import { key, people, value } from '../support/world';

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

/** The worker choice set of an allocate or reallocate form: its choices in order and the one chosen. */
function workerChoiceSet(card: unknown): { titles: string[]; values: string[]; chosen: unknown } {
  let found: { choices: Array<{ title: string; value: string }>; value?: unknown } | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Input.ChoiceSet' && o.id === 'workerId') found = o as unknown as typeof found;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  if (!found) throw new Error('no workerId choice set on the card');
  return { titles: found.choices.map((c) => c.title), values: found.choices.map((c) => c.value), chosen: found.value };
}

describe('allocate card', () => {
  // The world's today is Mon 14 Sep 2026: the authority's autumn 1 runs to Fri 23 Oct, 6 school weeks left.
  it('lists every active worker most free this half-term first, with the reason, and suggests the first; the case card offers it to the manager', async () => {
    const cw = await caseAtStep2();
    // Tomasz Frey has a case, paused (it counts nothing); Morgan Ashby has one (7 h before a contract) and only 1 h a week.
    const paused = await cw.steps.refer('100002');
    await cw.steps.allocate(paused.case.id, 'otherWorker');
    value(await pauseCase(cw.world.deps, await cw.world.staff(people.manager), { caseId: paused.case.id, requestKey: key(), reason: 'Family away for a month.' }));
    const busy = await cw.steps.refer('100003');
    await cw.steps.allocate(busy.case.id, 'manager');
    const [morgan] = await cw.world.deps.stores.staff.find({ userId: people.manager });
    if (!morgan) throw new Error('no demo manager');
    await cw.world.deps.stores.staff.update(morgan.id, { capacityHours: 1 }, morgan.etag);

    const { card: caseView } = await cw.act('manager', 'case.open', { caseId: cw.caseId });
    expect(actionOf(caseView, 'allocate.open').data).toEqual({ caseId: cw.caseId });
    const { card } = await cw.act('manager', 'allocate.open', { caseId: cw.caseId });
    const shown = cardText(card);
    expect(inputIds(card)).toEqual(['workerId']);
    const { titles, values, chosen } = workerChoiceSet(card);
    expect(titles).toEqual([
      // 30 h a week × 6 weeks; equal free time and no cases: by name.
      'Aisling Brandt: 180 h free this half-term (180 h over 6 weeks, no open cases)',
      'Dev Okonjo: 180 h free this half-term (180 h over 6 weeks, no open cases)',
      'Harriet Lunde: 180 h free this half-term (180 h over 6 weeks, no open cases)',
      'Tomasz Frey: 135 h free this half-term (135 h over 6 weeks, no open cases; 1 paused case, counted as nothing while paused)',
      'Kofi Renwick: 90 h free this half-term (90 h over 6 weeks, no open cases)',
      'Morgan Ashby: over capacity by 1 h this half-term (6 h over 6 weeks, 7 h on 1 open case)',
    ]);
    expect(chosen).toBe(values[0]);
    expect(shown).toContain('Suggested: Aisling Brandt, who has the most time free this half-term: 180 h; Dev Okonjo has as much (listed by name).');
    expect(shown).not.toContain('Lena Marsh'); // not active
    expect(shown).not.toContain('Priya Calloway'); // admin, not a worker
  });

  it('without term dates for today, still lists the workers, fewest open cases first, saying why free time is not shown', async () => {
    const cw = await caseAtStep2();
    await cw.steps.allocate((await cw.steps.refer('100002')).case.id, 'otherWorker');
    cw.world.memory.clock.set('2035-01-10T09:00:00Z'); // past the term dates configured
    const { card } = await cw.act('manager', 'allocate.open', { caseId: cw.caseId });
    const { titles, values, chosen } = workerChoiceSet(card);
    expect(titles[0]).toBe('Aisling Brandt: 0 open cases, 30 h a week (no term dates for today, so free time is not worked out)');
    expect(titles[titles.length - 1]).toBe('Tomasz Frey: 1 open case, 22.5 h a week (no term dates for today, so free time is not worked out)');
    expect(chosen).toBe(values[0]);
    expect(cardText(card)).toContain('Suggested: Aisling Brandt, who has the fewest open cases (free time is not worked out without term dates for today).');
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
    // The case's own worker is listed, marked, and never the suggestion. Before a contract a case counts 7 h.
    const { titles, values, chosen } = workerChoiceSet(form);
    expect(titles).toContain('Harriet Lunde (has the case now): 173 h free this half-term (180 h over 6 weeks, 7 h on 1 open case)');
    expect(titles[0]).toBe('Aisling Brandt: 180 h free this half-term (180 h over 6 weeks, no open cases)');
    expect(chosen).toBe(values[0]);
    const submit = actionOf(form, 'reallocate.submit');
    const again = await act('manager', 'reallocate.submit', { ...submit.data, workerId: people.otherWorker, reason: '' });
    expect(cardText(again.card)).toContain('Reason is required.');
    expect(cardText(again.card)).toContain('Check: reason');
    expect(cardText(again.card)).not.toContain('received undefined');
    expect(inputIds(again.card)).toContain('reason');
    expect((await world.deps.stores.cases.get(caseId))?.workerId).toBe(people.worker);
  });

  it('counts a case under contract by the share of its package hours left that falls in this half-term', async () => {
    const cw = await buildCardWorld();
    const { caseId } = await cw.steps.toContractInForce();
    const c = await cw.world.deps.stores.cases.get(caseId);
    // Silver (13 h), support 6 school weeks from Mon 5 Oct: 3 weeks before the October break, 3 after it.
    expect(c?.contractInForce).toMatchObject({ startDate: '2026-10-05', supportEnds: '2026-11-20' });
    const { card } = await cw.act('manager', 'reallocate.open', { caseId });
    // Today (Mon 14 Sep) to 20 Nov the support has 30 school days, 15 of them in autumn 1: 13 h × 15/30 = 6.5 h.
    expect(workerChoiceSet(card).titles).toContain('Harriet Lunde (has the case now): 173.5 h free this half-term (180 h over 6 weeks, 6.5 h on 1 open case)');
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
