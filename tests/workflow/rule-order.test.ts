import { addChronologyEntry, raiseSafeguardingConcern, recordMeeting, recordObservation, skipFurtherObservation, draftContract } from '../../workflow';
import { caseSteps, observation } from '../support/caseSteps';
import { buildWorld, errorOf, key, onTheDay, people, value } from '../support/world';

describe('Rule "Order": a step is recorded only after the steps before it', () => {
  it('refuses the initial meeting with school (step 4) before the initial observation (step 3)', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const opened = await steps.refer();
    await steps.allocate(opened.case.id);
    await steps.informationReturned(opened.case.id);
    const worker = await world.staff(people.worker);
    const result = await recordMeeting(world.deps, worker, {
      caseId: opened.case.id,
      requestKey: key(),
      heldOn: '2026-09-20',
      purpose: 'initial-school',
      attendees: ['SENCo'],
      notes: 'Too early',
    });
    expect(errorOf(result)).toMatchObject({ code: 'OrderRule', rule: 'Order' });
    expect(errorOf(result).message).toContain('step 3 (Initial observation)');
    expect(await world.deps.stores.records.find({ caseId: opened.case.id })).toHaveLength(1);
  });

  it('refuses the initial observation before the case is allocated and the information form returned', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const opened = await steps.refer();
    const result = await recordObservation(world.deps, await world.staff(people.manager), observation(opened.case.id));
    expect(errorOf(result)).toMatchObject({ code: 'OrderRule' });
    expect(errorOf(result).message).toContain('step 2');
  });

  it('lets chronology notes, step 10 meetings and safeguarding concerns be added at any time', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const opened = await steps.refer();
    await steps.allocate(opened.case.id);
    const worker = await world.staff(people.worker);
    value(await addChronologyEntry(world.deps, worker, { caseId: opened.case.id, requestKey: key(), on: '2026-09-15', category: 'contact', note: 'Phoned school.' }));
    value(
      await onTheDay(world, '2026-09-15', () =>
        recordMeeting(world.deps, worker, {
          caseId: opened.case.id,
          requestKey: key(),
          heldOn: '2026-09-15',
          purpose: 'other-agency',
          attendees: ['Early help worker'],
          notes: 'TAF meeting',
        }),
      ),
    );
    value(await raiseSafeguardingConcern(world.deps, worker, { caseId: opened.case.id, requestKey: key(), concern: 'Disclosure in class', actionTaken: 'Logged with DSL' }));
  });
});

describe('Rule "Step 6": a further observation before the contract, unless skipped with a reason', () => {
  async function atStep6() {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const opened = await steps.refer();
    const id = opened.case.id;
    await steps.allocate(id);
    await steps.informationReturned(id);
    await steps.observe(id);
    await steps.schoolMeeting(id);
    await steps.homeVisit(id);
    return { world, steps, id };
  }

  it('refuses a contract with no further observation recorded', async () => {
    const { world, id } = await atStep6();
    const result = await draftContract(world.deps, await world.staff(people.worker), {
      caseId: id,
      requestKey: key(),
      targets: ['t'],
      support: 's',
      purchaseIds: ['1'],
      startDate: '2026-10-05',
      reviewDate: '2026-11-30',
    });
    expect(errorOf(result)).toMatchObject({ code: 'FurtherObservationRequired', rule: 'Step 6' });
  });

  it('accepts skipping with a reason, then the contract', async () => {
    const { world, steps, id } = await atStep6();
    const worker = await world.staff(people.worker);
    expect(errorOf(await skipFurtherObservation(world.deps, worker, { caseId: id, requestKey: key(), reason: '  ' }))).toMatchObject({ code: 'ValidationFailed', field: 'reason' });
    const skipped = value(await skipFurtherObservation(world.deps, worker, { caseId: id, requestKey: key(), reason: 'Second observation not possible before half-term; school video evidence used.' }));
    expect(skipped.case.milestones.furtherObservation?.skippedReason).toContain('video');
    expect((await steps.contract(id)).contract.status).toBe('awaiting-approval');
  });

  it('records a third observation as another step 6 record', async () => {
    const { world, steps, id } = await atStep6();
    await steps.observe(id, '2026-09-29');
    const third = await steps.observe(id, '2026-10-01');
    expect(third.record.step).toBe(6);
    expect((await world.deps.stores.records.find({ caseId: id })).filter((r) => r.step === 6 && r.body.kind === 'observation')).toHaveLength(2);
  });
});
