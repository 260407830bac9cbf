import { closeEarly, completeCase, type Case } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { endReviewLeavingCaseOpen } from '../support/reviewEnded';
import { buildWorld, people, value, type World } from '../support/world';

/** Mail can go twice: use cases save first, send with a key, then mark the mail sent. */
describe('Mail can go twice', () => {
  const failNextSend = (world: World): void => {
    const send = world.deps.mailer.send.bind(world.deps.mailer);
    let failed = false;
    world.deps.mailer.send = async (m, k) => {
      if (!failed) {
        failed = true;
        throw new Error('mail service unavailable');
      }
      return send(m, k);
    };
  };
  /** The process stops right after the next mail goes, before the use case marks it sent. */
  const stopAfterNextSend = (world: World): void => {
    const send = world.deps.mailer.send.bind(world.deps.mailer);
    const update = world.deps.stores.cases.update.bind(world.deps.stores.cases);
    let armed = true;
    let stopping = false;
    world.deps.mailer.send = async (m, k) => {
      await send(m, k);
      stopping = armed;
      armed = false;
    };
    world.deps.stores.cases.update = async (id, patch, etag) => {
      if (stopping) {
        stopping = false;
        throw new Error('process stopped');
      }
      return update(id, patch, etag);
    };
  };
  const letters = (world: World, words: string) => world.memory.mailer.outbox.filter((m) => m.subject.includes(words));

  it('closing early saves the closure before the letter; a failed letter is sent by the repeat, once', async () => {
    const world = await buildWorld();
    const { caseId } = await caseSteps(world).toStep(3);
    const manager = await world.staff(people.manager);
    failNextSend(world);
    await expect(closeEarly(world.deps, manager, { caseId, reason: 'moved-school' })).rejects.toThrow('mail service unavailable');
    const halfway = await world.deps.stores.cases.get(caseId);
    expect(halfway).toMatchObject({ status: 'closed', closure: { how: 'moved-school' } });
    expect(halfway?.closure?.letterSent).toBeUndefined();
    const resumed = value(await closeEarly(world.deps, manager, { caseId, reason: 'moved-school' }));
    expect(resumed).toMatchObject({ repeated: false, closure: { letterSent: { by: people.manager } } });
    expect(value(await closeEarly(world.deps, manager, { caseId, reason: 'moved-school' })).repeated).toBe(true);
    expect(letters(world, 'closed')).toHaveLength(1);
  });

  it('closing early: stopped between the letter and its mark, the repeat marks it without sending it again', async () => {
    const world = await buildWorld();
    const { caseId } = await caseSteps(world).toStep(3);
    const manager = await world.staff(people.manager);
    stopAfterNextSend(world);
    await expect(closeEarly(world.deps, manager, { caseId, reason: 'no-longer-needed' })).rejects.toThrow('process stopped');
    expect(value(await closeEarly(world.deps, manager, { caseId, reason: 'no-longer-needed' })).closure?.letterSent).toBeDefined();
    expect(letters(world, 'closed')).toHaveLength(1);
  });

  it('completing: stopped after the mails went and before the case was marked, the repeat mails nothing again and closes', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId } = await steps.toContractInForce();
    await steps.support(caseId);
    const worker = await world.staff(people.worker);
    await endReviewLeavingCaseOpen(world, worker, caseId);
    // The mails, the evaluation record and the case's marks are one unit of work (one $batch on
    // Graph): the process stops once a mail went, before any write to the case.
    const send = world.deps.mailer.send.bind(world.deps.mailer);
    const update = world.deps.stores.cases.update.bind(world.deps.stores.cases);
    let stopped = false;
    world.deps.mailer.send = async (m, k) => {
      await send(m, k);
      stopped = true;
    };
    world.deps.stores.cases.update = (id, patch, etag) => (stopped ? Promise.reject(new Error('process stopped')) : update(id, patch, etag));
    await expect(completeCase(world.deps, worker, { caseId })).rejects.toThrow('process stopped');
    const halfway: Case | undefined = await world.deps.stores.cases.get(caseId);
    expect(halfway?.status).toBe('open');
    expect(halfway?.milestones.endReportSent).toBeUndefined();
    expect(letters(world, 'End of Outreach Report')).toHaveLength(1);
    world.deps.mailer.send = send;
    world.deps.stores.cases.update = update;
    expect(value(await completeCase(world.deps, worker, { caseId })).status).toBe('closed');
    expect(letters(world, 'End of Outreach Report')).toHaveLength(1);
    expect(letters(world, 'evaluation')).toHaveLength(1);
  });
});
