import { allocateCase, raiseSafeguardingConcern } from '../../workflow';
import { allCardProblems } from '../cards/cardChecks';
import { actionOf, cardText } from '../cards/cardWorld';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, key, people } from '../support/world';
import { cardOf, startBot } from './botHarness';

describe('notifications reach staff in Teams through the bot, or by e-mail', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let harness: Awaited<ReturnType<typeof startBot>>;

  beforeEach(async () => {
    world = await buildWorld();
    harness = await startBot(world.deps, { notifyThroughTeams: true });
  });
  afterEach(async () => harness.close());

  const referred = async () => (await caseSteps(world).refer()).case;

  it('an allocation reaches the worker at once as a card in their chat, with the case reference only', async () => {
    await harness.install(people.worker);
    await harness.bot.drain();
    const c = await referred();
    const manager = await world.staff(people.manager);
    await allocateCase(harness.workflow, manager, { caseId: c.id, workerId: people.worker });
    const proactive = harness.connector.sent.filter((s) => s.conversationId === `a:${people.worker}`).at(-1);
    const card = cardOf(proactive);
    expect(allCardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('A case has been allocated to you');
    expect(cardText(card)).toContain(c.reference);
    expect(cardText(card)).not.toContain('Testfield');
    expect(actionOf(card, 'case.open').data).toEqual({ caseId: c.id });
    expect(world.memory.mailer.outbox).toEqual([]);
  });

  it('someone the bot cannot reach yet (no conversation) gets the notification by e-mail', async () => {
    const c = await referred();
    await allocateCase(harness.workflow, await world.staff(people.manager), { caseId: c.id, workerId: people.worker });
    const mail = world.memory.mailer.outbox.at(-1);
    expect(mail?.to).toEqual(['harriet.lunde@outreach.example.org']);
    expect(mail?.subject).toContain(c.reference);
  });

  it('a stale conversation (Teams answers 403) is marked and the person is e-mailed instead', async () => {
    await harness.install(people.dsl);
    await harness.bot.drain();
    harness.connector.refuse(`a:${people.dsl}`, 403);
    const c = await referred();
    const allocated = await allocateCase(harness.workflow, await world.staff(people.manager), { caseId: c.id, workerId: people.dsl });
    expect(allocated.ok).toBe(true);
    await raiseSafeguardingConcern(harness.workflow, await world.staff(people.dsl), { caseId: c.id, requestKey: key('sg'), concern: 'Disclosure during session.', actionTaken: 'Spoke to DSL.' });
    const [reference] = await world.deps.stores.conversations.find({ userId: people.dsl });
    expect(reference?.stale).toBe(true);
    expect(world.memory.mailer.outbox.some((m) => m.to.includes('dev.okonjo@outreach.example.org') && m.subject.includes(c.reference))).toBe(true);
  });
});
