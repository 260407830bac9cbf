import { setTeamChannel } from '../../workflow';
import { cardText } from '../cards/cardWorld';
import { cardOf, startBot } from '../bot/botHarness';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, people, value } from '../support/world';

const channelId = '19:settings-channel@thread.tacv2';

it('the team channel port posts to the channel as the settings stand at each post: none before the admin sets it, there at once after', async () => {
  const world = await buildWorld();
  // As app/startWorkflow.ts wires it: the channel read from the live configuration at each post.
  const harness = await startBot(world.deps, { teamChannelId: () => world.deps.config.teamChannelId });
  try {
    await harness.addToTeam(people.manager, channelId);
    await harness.bot.drain();
    const steps = caseSteps({ ...world, deps: harness.workflow });
    const posts = () => harness.connector.sent.filter((s) => s.conversationId === channelId);
    await steps.allocate((await steps.refer()).case.id);
    expect(posts()).toEqual([]);
    value(await setTeamChannel(world.deps, await world.staff(people.admin), { channelId, etag: 'file' }));
    const second = await steps.refer('100002');
    await steps.allocate(second.case.id);
    expect(posts().map((p) => cardText(cardOf(p)))).toEqual([
      expect.stringContaining(`New referral: ${second.case.reference}`),
      expect.stringContaining(`Case allocated: ${second.case.reference}`),
    ]);
  } finally {
    await harness.close();
  }
});
