import { caseSteps, childDetails } from '../support/caseSteps';
import { closeEarly } from '../../workflow';
import { buildWorld, people, value } from '../support/world';
import { allCardProblems } from '../cards/cardChecks';
import { actionOf, cardText } from '../cards/cardWorld';
import { cardOf, invokeCard, startBot } from './botHarness';

describe('the bot on /api/messages (Agents SDK, anonymous as with the embedded Graph)', () => {
  let harness: Awaited<ReturnType<typeof startBot>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;

  beforeEach(async () => {
    world = await buildWorld();
    harness = await startBot(world.deps);
  });
  afterEach(async () => harness.close());

  it('answers "help" with the help card, as a reply in the same conversation', async () => {
    const answer = await harness.say(people.manager, 'help');
    expect(answer.status).toBe(200);
    const [reply] = harness.connector.sent;
    expect(reply?.conversationId).toBe(`a:${people.manager}`);
    const card = cardOf(reply);
    expect(allCardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('new referral');
  });

  it('answers unknown text with a helpful card, never silence', async () => {
    await harness.say(people.worker, 'what is the weather like');
    expect(cardText(cardOf(harness.connector.sent[0]))).toContain('I did not understand that');
  });

  it('refuses politely someone not on the Staff list, and someone inactive', async () => {
    await harness.say('11111111-2222-4333-8444-555555555555', 'my cases');
    await harness.say(people.inactive, 'my cases');
    await harness.say(undefined, 'my cases');
    expect(harness.connector.sent).toHaveLength(3);
    for (const out of harness.connector.sent) expect(cardText(cardOf(out))).toContain('You are not on the Staff list');
  });

  it('welcomes on install by first name and remembers where to reach the person', async () => {
    await harness.install(people.worker);
    expect(cardText(cardOf(harness.connector.sent[0]))).toContain('Welcome, Harriet');
    await harness.bot.drain();
    const [stored] = await world.deps.stores.conversations.find({ userId: people.worker });
    expect(stored?.teamsUserId).toBe(`29:teams-${people.worker}`);
    expect((stored?.reference as { serviceUrl?: string }).serviceUrl).toBe(harness.connector.url);
  });

  it('"case <reference>" opens the case card; an Action.Execute answers in place', async () => {
    const school = await world.schoolByUrn('100001');
    const opened = await caseSteps(world).refer(school.urn);
    await harness.say(people.manager, `case ${opened.case.reference}`);
    const caseCard = cardOf(harness.connector.sent[0]);
    expect(cardText(caseCard)).toContain(opened.case.reference);
    expect(cardText(caseCard)).toContain('Step 2 of 10');
    const mine = actionOf(caseCard, 'cases.mine');
    const answer = await harness.click(people.manager, mine.verb, mine.data, harness.connector.sent[0]?.id);
    expect(answer.status).toBe(200);
    const listed = invokeCard(answer.body);
    expect(allCardProblems(listed)).toEqual([]);
    expect(cardText(listed)).toContain(opened.case.reference);
  });

  it('Smaller problems: log time with one open case opens its time sheet directly; with several, the choice', async () => {
    const steps = caseSteps(world);
    const first = await steps.refer();
    await steps.allocate(first.case.id);
    await harness.say(people.worker, 'log time');
    const sheet = cardOf(harness.connector.sent[0]);
    expect(allCardProblems(sheet)).toEqual([]);
    expect(cardText(sheet)).toContain(first.case.reference);
    expect(actionOf(sheet, 'time.submit').data).toMatchObject({ caseId: first.case.id });

    const school = await world.schoolByUrn('100001');
    const second = await steps.refer('100001', { child: childDetails(school.id, { firstName: 'Ellis', lastName: 'Otherfield', dateOfBirth: '2016-05-02' }) });
    await steps.allocate(second.case.id);
    await harness.say(people.worker, 'log time');
    const choice = cardText(cardOf(harness.connector.sent[1]));
    expect(choice).toContain('2 open cases');
    expect(choice).toContain('"Log time"');
  });

  it('The worker hears little: after closure "my cases" says "No open cases" with no way to find closed cases', async () => {
    const steps = caseSteps(world);
    const opened = await steps.refer();
    await steps.allocate(opened.case.id);
    value(await closeEarly(world.deps, await world.staff(people.worker), { caseId: opened.case.id, reason: 'moved-school' }));
    const before = (await world.deps.audit.forCase(opened.case.id)).filter((e) => e.action === 'case.listed').length;
    await harness.say(people.worker, 'my cases');
    const card = cardOf(harness.connector.sent[0]);
    expect(allCardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('No open cases');
    expect(text).toContain('Closed in the last 12 months (1)');
    expect(text).toContain(opened.case.reference);
    expect(text).toContain('Closed on');
    expect(text).not.toContain('Step 10');
    expect(actionOf(card, 'case.open').data).toMatchObject({ caseId: opened.case.id });
    const listed = (await world.deps.audit.forCase(opened.case.id)).filter((e) => e.action === 'case.listed').length;
    expect(listed).toBe(before + 1);
    await harness.say(people.otherWorker, 'my cases');
    expect(cardText(cardOf(harness.connector.sent[1]))).not.toContain(opened.case.reference);
  });

  it('answers an invoke that is not an Action.Execute with a 400 naming the problem', async () => {
    const answer = await harness.post({
      type: 'invoke', name: 'adaptiveCard/action', channelId: 'msteams', serviceUrl: harness.connector.url, id: 'x1',
      from: { id: '29:x', aadObjectId: people.manager }, recipient: { id: '28:bot' }, conversation: { id: 'a:x' },
      value: { action: { type: 'Action.Submit', data: {} } },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });

  it('refuses a malformed activity with a 400', async () => {
    const answer = await harness.post({ hello: 'world' });
    expect(answer.status).toBe(400);
  });
});
