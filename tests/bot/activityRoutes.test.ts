import { buildWorld, people } from '../support/world';
import { startBot } from './botHarness';

/**
 * The routing table (bot/activityRoutes.ts) looks names that come off the wire up in plain
 * objects. A lookup that also saw inherited keys would call `Object.prototype.toString` as a
 * handler for an invoke named "toString": these guard that only the table's own entries route.
 */
describe('An invoke named after an Object prototype key (toString) is taken for a route (defect guard): only the table\'s own entries route', () => {
  let harness: Awaited<ReturnType<typeof startBot>>;

  beforeEach(async () => {
    harness = await startBot((await buildWorld()).deps);
  });
  afterEach(async () => harness.close());

  const activity = (extra: Record<string, unknown>) => ({
    channelId: 'msteams',
    serviceUrl: harness.connector.url,
    id: 'user-act-1',
    from: { id: '29:a', aadObjectId: people.manager },
    recipient: { id: '28:outreach-bot' },
    conversation: { id: 'a:1', conversationType: 'personal' },
    ...extra,
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'composeExtension/query'])('an invoke named "%s" answers the 400 error shape naming it', async (name) => {
    const answer = await harness.post(activity({ type: 'invoke', name, value: {} }));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: '400', message: `The invoke "${name}" is not handled by this bot.` } });
    expect(harness.connector.sent).toEqual([]);
  });

  it.each(['toString', 'constructor', 'valueOf'])('an activity of type "%s" is ignored: nothing is sent', async (type) => {
    const answer = await harness.post(activity({ type }));
    expect(answer.status).toBeLessThan(500);
    expect(harness.connector.sent).toEqual([]);
  });

  it('the routes in the table still answer: a message gets a card, an install a welcome', async () => {
    expect((await harness.say(people.manager, 'help')).status).toBe(200);
    expect((await harness.install(people.manager)).status).toBe(200);
    expect(harness.connector.sent).toHaveLength(2);
  });
});
