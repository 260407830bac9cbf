import { closeEarly, completeCase, pauseCase, reallocateCase, recordReview, recordSupportSession, resumeCase } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, errorOf, key, onTheDay, people, value } from '../support/world';
import { endReviewLeavingCaseOpen } from '../support/reviewEnded';

describe('Rule "Pause and reallocation"', () => {
  it('pausing stops the 6 weeks counting: resuming moves the end of support out by the paused school days', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId } = await steps.toContractInForce();
    const manager = await world.staff(people.manager);
    world.memory.clock.set('2026-11-09T09:00:00Z');
    value(await pauseCase(world.deps, manager, { caseId, requestKey: key(), reason: 'Pupil in hospital' }));
    const paused = await recordSupportSession(world.deps, await world.staff(people.worker), { caseId, requestKey: key(), deliveredOn: '2026-11-10', hours: 1, withWhom: 'pupil', summary: 's' });
    expect(errorOf(paused).code).toBe('CasePaused');
    world.memory.clock.set('2026-11-16T09:00:00Z');
    const resumed = value(await resumeCase(world.deps, manager, { caseId, requestKey: key() }));
    // Paused Mon 9 to Sun 15 Nov: five school days, so 20 Nov becomes 27 Nov.
    expect(resumed.contractInForce?.supportEnds).toBe('2026-11-27');
    expect(resumed.pauses).toEqual([expect.objectContaining({ from: '2026-11-09', to: '2026-11-16', reason: 'Pupil in hospital', by: people.manager })]);
    expect(errorOf(await resumeCase(world.deps, manager, { caseId, requestKey: key() })).code).toBe('CaseNotPaused');
  });

  it('pausing needs a reason', async () => {
    const world = await buildWorld();
    const { caseId } = await caseSteps(world).toContractInForce();
    expect(errorOf(await pauseCase(world.deps, await world.staff(people.manager), { caseId, requestKey: key(), reason: '' }))).toMatchObject({ field: 'reason' });
  });

  it('reallocation moves the case to another worker with a reason and tells them', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId } = await steps.toContractInForce();
    const moved = value(await reallocateCase(world.deps, await world.staff(people.manager), { caseId, requestKey: key(), workerId: people.otherWorker, reason: 'Long-term absence' }));
    expect(moved.workerId).toBe(people.otherWorker);
    expect(world.memory.notifier.sent.at(-1)).toMatchObject({ kind: 'case-reallocated', recipientId: people.otherWorker });
    const notes = (await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'chronology');
    expect(notes.at(-1)?.body).toMatchObject({ note: expect.stringContaining('Long-term absence') });
    // The previous worker no longer acts on it.
    expect(errorOf(await recordSupportSession(world.deps, await world.staff(people.worker), { caseId, requestKey: key(), deliveredOn: '2026-10-06', hours: 1, withWhom: 'pupil', summary: 's' })).code).toBe('NotYourCase');
  });
});

describe('Rule "Reviews": continue starts a new contract, end leads to closing', () => {
  it('continue supersedes the contract: support waits for the new version\'s approval', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId, contractId } = await steps.toContractInForce();
    await steps.support(caseId);
    const worker = await world.staff(people.worker);
    const reviewed = value(await onTheDay(world, '2026-11-19', () => recordReview(world.deps, worker, { caseId, requestKey: key(), heldOn: '2026-11-19', outcome: 'continue', summary: 'Progress; continue.' })));
    expect(reviewed.case.step).toBe(7);
    expect(reviewed.case.contractInForce).toBeUndefined();
    expect((await world.deps.stores.contracts.get(contractId))?.status).toBe('superseded');
    const next = await steps.contract(caseId, { startDate: '2026-11-23', reviewDate: '2027-02-12' });
    expect(next.contract.version).toBe(2);
    await steps.approve(next.contract.id);
    // Support under the new version runs at step 8 until its review is due.
    expect((await steps.support(caseId, '2026-11-24')).case.step).toBe(8);
  });

  it('a review needs a contract in force and, when ending, a destination', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId } = await steps.toContractInForce();
    const worker = await world.staff(people.worker);
    const noSupport = await recordReview(world.deps, worker, { caseId, requestKey: key(), heldOn: '2026-11-19', outcome: 'continue', summary: 'x' });
    expect(errorOf(noSupport).code).toBe('OrderRule');
    await steps.support(caseId);
    expect(errorOf(await recordReview(world.deps, worker, { caseId, requestKey: key(), heldOn: '2026-11-19', outcome: 'end', summary: 'x' }))).toMatchObject({ field: 'destination' });
  });
});

describe('Rule "Closing"', () => {
  it('closes early with a recorded reason and tells the school by letter', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const opened = await steps.refer();
    const manager = await world.staff(people.manager);
    expect(errorOf(await closeEarly(world.deps, manager, { caseId: opened.case.id, reason: 'bored' }))).toMatchObject({ field: 'reason' });
    const closed = value(await closeEarly(world.deps, manager, { caseId: opened.case.id, reason: 'consent-refused' }));
    expect(closed).toMatchObject({ status: 'closed', step: 10, closure: { how: 'consent-refused', by: people.manager } });
    const letter = world.memory.mailer.outbox.at(-1);
    expect(letter?.subject).toContain(opened.case.reference);
    expect(letter?.html).toContain('consent was refused');
    expect(errorOf(await closeEarly(world.deps, manager, { caseId: opened.case.id, reason: 'moved-school' })).code).toBe('CaseClosed');
  });

  it('a repeat of the same early close is ok and repeated, sending no second letter; another close is refused', async () => {
    const world = await buildWorld();
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    const worker = await world.staff(people.worker);
    const input = { caseId: opened.case.id, reason: 'moved-school' };
    expect(value(await closeEarly(world.deps, worker, input)).repeated).toBe(false);
    const letters = world.memory.mailer.outbox.length;
    const again = value(await closeEarly(world.deps, worker, input));
    expect(again).toMatchObject({ repeated: true, status: 'closed', closure: { how: 'moved-school', by: people.worker } });
    expect(world.memory.mailer.outbox).toHaveLength(letters);
    expect(errorOf(await closeEarly(world.deps, worker, { ...input, reason: 'no-longer-needed' })).code).toBe('CaseClosed');
    expect(errorOf(await completeCase(world.deps, worker, { caseId: opened.case.id })).code).toBe('CaseClosed');
    // Access is still checked first: another worker learns nothing from a repeat.
    expect(errorOf(await closeEarly(world.deps, await world.staff(people.otherWorker), input)).code).toBe('NotYourCase');
  });

  it('a case does not close normally before a review that ends the support', async () => {
    const world = await buildWorld();
    const { caseId } = await caseSteps(world).toContractInForce();
    expect(errorOf(await completeCase(world.deps, await world.staff(people.worker), { caseId }))).toMatchObject({ code: 'InvalidState', rule: 'Closing' });
  });

  it('closing carries on where it stopped when mail failed part way (restart mid-step)', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId } = await steps.toContractInForce();
    await steps.support(caseId);
    const worker = await world.staff(people.worker);
    await endReviewLeavingCaseOpen(world, worker, caseId);
    const send = world.deps.mailer.send.bind(world.deps.mailer);
    let calls = 0;
    world.deps.mailer.send = async (m, k) => {
      calls++;
      if (calls === 2) throw new Error('mail service unavailable');
      return send(m, k);
    };
    await expect(completeCase(world.deps, worker, { caseId })).rejects.toThrow('mail service unavailable');
    const halfway = await world.deps.stores.cases.get(caseId);
    expect(halfway?.milestones.endReportFiled).toBeDefined();
    expect(halfway?.milestones.endReportSent).toBeDefined();
    expect(halfway?.status).toBe('open');
    const closed = value(await completeCase(world.deps, worker, { caseId }));
    expect(closed.status).toBe('closed');
    const c = await world.deps.stores.cases.get(caseId);
    const child = c ? await world.deps.stores.children.get(c.childId) : undefined;
    // Each closing document filed once (the report, its PDF, the chronology, the summary, the evaluation form), beside the
    // case's earlier paperwork (two observation forms, the meeting record, the contract).
    const filed = world.memory.folders.filesIn(`${child?.reference} Testfield/${c?.reference}`).map((f) => f.name);
    expect(filed).toHaveLength(9);
    expect(new Set(filed).size).toBe(9);
    expect(world.memory.mailer.outbox.filter((m) => m.subject.includes('End of Outreach Report'))).toHaveLength(1);
    expect(world.memory.mailer.outbox.filter((m) => m.subject.includes('evaluation'))).toHaveLength(1);
  });

  it('completing a case already completed is ok and repeated, sending nothing twice; closing it early is refused', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId } = await steps.toContractInForce();
    await steps.support(caseId);
    const worker = await world.staff(people.worker);
    await endReviewLeavingCaseOpen(world, worker, caseId);
    expect(value(await completeCase(world.deps, worker, { caseId })).repeated).toBe(false);
    const sent = world.memory.mailer.outbox.length;
    const again = value(await completeCase(world.deps, worker, { caseId }));
    expect(again).toMatchObject({ repeated: true, status: 'closed', closure: { how: 'review-ended' } });
    expect(world.memory.mailer.outbox).toHaveLength(sent);
    expect(errorOf(await closeEarly(world.deps, worker, { caseId, reason: 'no-longer-needed' })).code).toBe('CaseClosed');
  });
});
