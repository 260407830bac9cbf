import { allocateCase } from '../../workflow';
import { allCardProblems } from '../cards/cardChecks';
import { cardText, executeActions } from '../cards/cardWorld';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, people } from '../support/world';
import { cardOf, startBot } from './botHarness';

const channelId = '19:referrals-channel@thread.tacv2';

describe('the team channel: case events by reference, never a child\'s name', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let harness: Awaited<ReturnType<typeof startBot>>;

  beforeEach(async () => {
    world = await buildWorld();
    harness = await startBot(world.deps, { teamChannelId: channelId });
  });
  afterEach(async () => harness.close());

  const postsInChannel = () => harness.connector.sent.filter((s) => s.conversationId === channelId);

  it('once the app is in the team, new referrals, allocations and contract decisions are posted there', async () => {
    await harness.addToTeam(people.manager, channelId);
    await harness.bot.drain();
    const steps = caseSteps({ ...world, deps: harness.workflow });
    const { caseId, contractId } = await steps.toContractInForce();
    const c = await world.deps.stores.cases.get(caseId);
    const texts = postsInChannel().map((p) => cardText(cardOf(p)));
    expect(texts).toEqual([
      expect.stringContaining(`New referral: ${c?.reference}`),
      expect.stringContaining(`Case allocated: ${c?.reference}`),
      expect.stringContaining(`Contract decided: ${c?.reference}`),
    ]);
    expect(contractId).toBeDefined();
    for (const post of postsInChannel()) {
      const card = cardOf(post);
      expect(allCardProblems(card)).toEqual([]);
      expect(executeActions(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toMatch(/Rowan|Testfield|Casey/);
    }
  });

  it('before the app is added to the team nothing is posted, and nothing fails', async () => {
    const opened = await caseSteps({ ...world, deps: harness.workflow }).refer();
    const allocated = await allocateCase(harness.workflow, await world.staff(people.manager), { caseId: opened.case.id, workerId: people.worker });
    expect(allocated.ok).toBe(true);
    expect(postsInChannel()).toEqual([]);
  });

  it('a message to the bot in the channel is answered without any case detail', async () => {
    await harness.sayInChannel(people.worker, channelId, '<at>Outreach Cases</at> my cases');
    const reply = harness.connector.sent.at(-1);
    expect(cardText(cardOf(reply))).toContain('Case work happens in your personal chat with me');
  });
});
