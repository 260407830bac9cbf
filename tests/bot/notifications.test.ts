import { allocateCase, raiseSafeguardingConcern, recordInformationReturned, recordObservation } from '../../workflow';
import { allCardProblems } from '../cards/cardChecks';
import { actionOf, cardText } from '../cards/cardWorld';
import { caseSteps, observation } from '../support/caseSteps';
import { buildWorld, key, onTheDay, people, value } from '../support/world';
import { cardOf, invokeCard, startBot } from './botHarness';

describe('notifications reach staff in Teams through the bot, or by e-mail', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let harness: Awaited<ReturnType<typeof startBot>>;

  beforeEach(async () => {
    world = await buildWorld();
    harness = await startBot(world.deps, { notifyThroughTeams: true });
  });
  afterEach(async () => harness.close());

  const referred = async () => (await caseSteps(world).refer()).case;

  it('an allocation reaches the worker at once as a card in their chat, with the case reference only; the notice does not say "Next: arrange the initial observation" before the information form is back', async () => {
    await harness.install(people.worker);
    await harness.bot.drain();
    const c = await referred();
    const manager = await world.staff(people.manager);
    await allocateCase(harness.workflow, manager, { caseId: c.id, workerId: people.worker });
    const proactive = harness.connector.sent.filter((s) => s.conversationId === `a:${people.worker}`).at(-1);
    const card = cardOf(proactive);
    expect(allCardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('A case has been allocated to you');
    // The information form is not back yet: the observation is not next.
    // Nor the allocation: what is missing is the information request.
    expect(cardText(card)).toContain('Next: Send the school the information request');
    expect(cardText(card)).not.toContain('Allocate');
    expect(cardText(card)).not.toContain('initial observation');
    expect(cardText(card)).toContain(c.reference);
    expect(cardText(card)).not.toContain('Testfield');
    expect(actionOf(card, 'case.open').data).toMatchObject({ caseId: c.id });
    expect(world.memory.mailer.outbox).toEqual([]);
  });

  it('The worker hears little: when the manager records a step on her case, the worker is told, with the next action, once', async () => {
    await harness.install(people.worker);
    await harness.bot.drain();
    const c = await referred();
    const manager = await world.staff(people.manager);
    value(await allocateCase(harness.workflow, manager, { caseId: c.id, workerId: people.worker }));
    const toHarriet = () => harness.connector.sent.filter((s) => s.conversationId === `a:${people.worker}`).map((s) => cardText(cardOf(s)));
    const afterAllocation = toHarriet().length;
    const info = { caseId: c.id, requestKey: key('info'), returnedOn: '2026-09-18', formReturned: true, pdpReturned: true };
    await onTheDay(world, '2026-09-18', async () => {
      value(await recordInformationReturned(harness.workflow, manager, info));
      value(await recordInformationReturned(harness.workflow, manager, info)); // a double click: one notice
    });
    const notices = toHarriet().slice(afterAllocation);
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(notice).toContain('Someone recorded on your case');
    expect(notice).toContain(c.reference);
    expect(notice).toContain(`${manager.displayName} recorded the returned information form`);
    expect(notice).toContain('Next: Record the initial observation');
    expect(notice).not.toContain('Testfield');
    const noticeCard = cardOf(harness.connector.sent.filter((s) => s.conversationId === `a:${people.worker}`).at(-1));
    expect(allCardProblems(noticeCard)).toEqual([]);
    expect(actionOf(noticeCard, 'case.open').data).toMatchObject({ caseId: c.id });

    // Her own record tells her nothing.
    await onTheDay(world, '2026-09-21', async () => value(await recordObservation(harness.workflow, await world.staff(people.worker), observation(c.id))));
    expect(toHarriet().slice(afterAllocation)).toHaveLength(1);
  });

  it('The worker hears little: "Open the case" replaces her allocation notice, so the notice disappears from her chat', async () => {
    await harness.install(people.worker);
    await harness.bot.drain();
    const c = await referred();
    value(await allocateCase(harness.workflow, await world.staff(people.manager), { caseId: c.id, workerId: people.worker }));
    const notice = harness.connector.sent.filter((s) => s.conversationId === `a:${people.worker}`).at(-1);
    const noticeCard = cardOf(notice);
    const before = harness.connector.sent.length;
    const open = actionOf(noticeCard, 'case.open');
    const answer = await harness.click(people.worker, open.verb, open.data, notice?.id);
    expect(answer.status).toBe(200);
    // The answer to the click is the card in place of the notice: the notice, unchanged.
    expect(invokeCard(answer.body)).toEqual(noticeCard);
    const posted = harness.connector.sent.slice(before);
    expect(posted).toHaveLength(1);
    const caseCard = cardOf(posted[0]);
    expect(allCardProblems(caseCard)).toEqual([]);
    expect(cardText(caseCard)).toContain(c.reference);
    expect(cardText(caseCard)).toContain('Testfield');
  });

  it('a forged notice kind on "Open the case" opens the case in place, as any other case button', async () => {
    await harness.install(people.worker);
    await harness.bot.drain();
    const c = await referred();
    value(await allocateCase(harness.workflow, await world.staff(people.manager), { caseId: c.id, workerId: people.worker }));
    const before = harness.connector.sent.length;
    const answer = await harness.click(people.worker, 'case.open', { caseId: c.id, noticeKind: 'not-a-kind', noticeReference: c.reference, noticeSummary: 'x' });
    expect(cardText(invokeCard(answer.body))).toContain('Testfield');
    expect(harness.connector.sent.length).toBe(before);
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
