import { logTime, recordSupportSession, setConsent } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, errorOf, key, onTheDay, people, value } from '../support/world';

describe('Rule "No direct support" before the home visit and without consent', () => {
  it('refuses a support session before the home visit or Teams call is recorded as held', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const opened = await steps.refer();
    const id = opened.case.id;
    await steps.allocate(id);
    await steps.informationReturned(id);
    await steps.observe(id);
    await steps.schoolMeeting(id);
    const result = await recordSupportSession(world.deps, await world.staff(people.worker), {
      caseId: id,
      requestKey: key(),
      deliveredOn: '2026-09-24',
      hours: 1,
      withWhom: 'pupil',
      summary: 'Too early',
    });
    expect(errorOf(result)).toMatchObject({ code: 'DirectSupportBeforeHomeVisit', rule: 'No direct support' });
  });

  it('refuses direct-work time before the home visit but accepts observation time', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const opened = await steps.refer();
    await steps.allocate(opened.case.id);
    const worker = await world.staff(people.worker);
    const direct = await logTime(world.deps, worker, { caseId: opened.case.id, requestKey: key(), on: '2026-09-16', hours: 1, activity: 'direct-work' });
    expect(errorOf(direct).code).toBe('DirectSupportBeforeHomeVisit');
    value(await onTheDay(world, '2026-09-16', () => logTime(world.deps, worker, { caseId: opened.case.id, requestKey: key(), on: '2026-09-16', hours: 2, activity: 'observation' })));
  });

  it.each(['pending', 'refused', 'withdrawn'] as const)('refuses support while consent is %s', async (consent) => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId } = await steps.toContractInForce();
    value(await setConsent(world.deps, await world.staff(people.worker), { caseId, consent }));
    const result = await recordSupportSession(world.deps, await world.staff(people.worker), {
      caseId,
      requestKey: key(),
      deliveredOn: '2026-10-06',
      hours: 1,
      withWhom: 'pupil',
      summary: 'Session',
    });
    expect(errorOf(result)).toMatchObject({ code: 'DirectSupportWithoutConsent', rule: 'No direct support' });
  });

  it('accepts support once the home visit is held, consent given and the contract approved', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId } = await steps.toContractInForce();
    const added = await steps.support(caseId);
    expect(added.record.step).toBe(8);
    const startedBy = added.case.milestones.supportStarted?.recordKey;
    expect(startedBy && (await world.deps.stores.records.findByKey(startedBy))?.id).toBe(added.record.id);
  });
});
