import { jobHandlers, runDueJobs } from '../../workflow';
import { allCardProblems } from '../cards/cardChecks';
import { actionOf, cardText } from '../cards/cardWorld';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, people } from '../support/world';
import { cardOf, invokeCard, startBot } from './botHarness';

/** Issue 14, end to end through the protocol: the missed check-out alert repeats in the manager's chat until the manager presses "Acknowledge" on it. */
describe('the missed check-out alert, acknowledged on its card', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let harness: Awaited<ReturnType<typeof startBot>>;

  beforeEach(async () => {
    // Fri 25 Sep 2026, 14:00 in London.
    world = await buildWorld('2026-09-25T13:00:00Z');
    harness = await startBot(world.deps, { notifyThroughTeams: true });
  });
  afterEach(async () => harness.close());

  const tick = async () => {
    await runDueJobs(harness.workflow, harness.workflow.jobs, jobHandlers, 'instance-a');
    await harness.bot.drain();
  };
  const alertsTo = (userId: string) => harness.connector.sent.filter((s) => s.conversationId === `a:${userId}` && cardText(cardOf(s)).includes('Missed check-out from a home visit'));

  it('the alert repeats 15 minutes on; "Acknowledge" (a manager only) records it and the repeats stop', async () => {
    await harness.install(people.manager);
    await harness.bot.drain();
    const opened = await caseSteps(world).refer();
    await caseSteps(world).allocate(opened.case.id);
    const form = invokeCard((await harness.click(people.worker, 'check-in.open', { caseId: opened.case.id })).body);
    const submit = actionOf(form, 'check-in.submit');
    await harness.click(people.worker, submit.verb, { ...submit.data, place: 'school', endTime: '15:15' });
    await harness.bot.drain();

    world.memory.clock.set('2026-09-25T14:46:00Z');
    await tick();
    world.memory.clock.set('2026-09-25T15:01:00Z');
    await tick();
    const alerts = alertsTo(people.manager);
    expect(alerts).toHaveLength(2);
    const card = cardOf(alerts.at(-1));
    expect(allCardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('alert 2: not yet acknowledged');
    const acknowledge = actionOf(card, 'check-out-acknowledge.submit');
    expect(acknowledge.title).toBe('Acknowledge');

    // The worker may not acknowledge it (a forwarded card): refused, nothing recorded.
    expect(cardText(invokeCard((await harness.click(people.worker, acknowledge.verb, acknowledge.data)).body))).toContain('Only manager staff can acknowledge a missed check-out alert');
    world.memory.clock.set('2026-09-25T15:05:00Z');
    const answer = invokeCard((await harness.click(people.manager, acknowledge.verb, acknowledge.data, 'alert-card')).body);
    expect(cardText(answer)).toContain('Missed check-out alert acknowledged');
    const [visit] = (await world.deps.stores.records.find({ caseId: opened.case.id })).filter((r) => r.body.kind === 'lone-working');
    expect(visit?.body).toMatchObject({ acknowledgedBy: people.manager, acknowledgedAt: '2026-09-25T15:05:00.000Z' });

    world.memory.clock.set('2026-09-25T15:20:00Z');
    await tick();
    world.memory.clock.set('2026-09-25T16:00:00Z');
    await tick();
    expect(alertsTo(people.manager)).toHaveLength(2);
  });
});
