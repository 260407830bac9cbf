import { allCardProblems } from '../cards/cardChecks';
import { actionOf, cardText } from '../cards/cardWorld';
import { buildWorld, people } from '../support/world';
import { cardOf, invokeCard, startBot } from './botHarness';

/** Defect "The server is too open": no rate limits, no security headers, case data cacheable. */
describe('The server is too open: /api/messages', () => {
  let harness: Awaited<ReturnType<typeof startBot>>;
  afterEach(async () => harness.close());

  const retryAfter = (headers: Headers): number => Number(headers.get('retry-after'));

  it('a person over their limit who clicks gets a card saying to wait, with a "Try again" that sends the same click; nothing was done', async () => {
    harness = await startBot((await buildWorld()).deps, { rateLimits: { perPersonPerMinute: 2 } });
    const data = { caseId: '1', note: 'typed before the click' };
    expect((await harness.click(people.worker, 'cases.mine', {})).status).toBe(200);
    expect((await harness.click(people.worker, 'cases.mine', {})).status).toBe(200);
    const limited = await harness.click(people.worker, 'referral.open', data);
    expect(limited.status).toBe(200); // an invoke's answer Teams shows; a 429 would show "something went wrong"
    expect(retryAfter(limited.headers)).toBeGreaterThanOrEqual(1);
    expect(retryAfter(limited.headers)).toBeLessThanOrEqual(60);
    const card = invokeCard(limited.body);
    expect(allCardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(`You're going fast: wait ${retryAfter(limited.headers)} second`);
    expect(cardText(card)).toContain('Nothing was done with that click');
    expect(actionOf(card, 'referral.open').data).toEqual(data);
    // Another person is not held up by the first one's pace.
    const other = await harness.click(people.manager, 'referral.open', {});
    expect(cardText(invokeCard(other.body))).not.toContain("You're going fast");
  });

  it('a person over their limit who types gets one "wait" reply; after that, 429 with Retry-After, and no work is done', async () => {
    harness = await startBot((await buildWorld()).deps, { rateLimits: { perPersonPerMinute: 2 } });
    await harness.say(people.worker, 'help');
    await harness.say(people.worker, 'help');
    expect(harness.connector.sent).toHaveLength(2);
    const first = await harness.say(people.worker, 'help');
    expect(first.status).toBe(200);
    expect(harness.connector.sent).toHaveLength(3);
    expect(harness.connector.sent[2]?.activity.text).toMatch(/^You're going fast: wait \d+ seconds? and try again\. I did not act on that message\.$/);
    expect(harness.connector.sent[2]?.activity.attachments ?? []).toEqual([]);
    const again = await harness.say(people.worker, 'help');
    expect(again.status).toBe(429);
    expect(retryAfter(again.headers)).toBeGreaterThanOrEqual(1);
    expect(again.body).toMatchObject({ error: expect.stringContaining('too many requests from this person') });
    expect(harness.connector.sent).toHaveLength(3);
    // Someone else's messages still get their cards.
    await harness.say(people.manager, 'help');
    expect(cardText(cardOf(harness.connector.sent[3]))).toContain('new referral');
  });

  it('a client over the per-address limit gets 429 with Retry-After, whoever the activity names', async () => {
    harness = await startBot((await buildWorld()).deps, { rateLimits: { perAddressPerMinute: 3 } });
    for (const who of [people.worker, people.manager, people.admin]) expect((await harness.click(who, 'cases.mine', {})).status).toBe(200);
    const limited = await harness.click(people.dsl, 'cases.mine', {});
    expect(limited.status).toBe(429);
    expect(retryAfter(limited.headers)).toBeGreaterThanOrEqual(1);
    expect(retryAfter(limited.headers)).toBeLessThanOrEqual(60);
    expect(limited.body).toMatchObject({ error: expect.stringContaining('too many requests from this address'), retryAfterSeconds: retryAfter(limited.headers) });
  });

  it('an activity naming no one (or naming them wrongly) is not held by the per-person limit, but is by the per-address one', async () => {
    harness = await startBot((await buildWorld()).deps, { rateLimits: { perPersonPerMinute: 1, perAddressPerMinute: 4 } });
    const statuses: number[] = [];
    for (const aadObjectId of [undefined, '', 42, { id: 'x' }, null]) {
      const answer = await harness.post({
        type: 'message', text: 'help', channelId: 'msteams', serviceUrl: harness.connector.url,
        from: { id: '29:someone', aadObjectId }, recipient: { id: '28:outreach-bot' }, conversation: { id: 'a:someone' },
      });
      statuses.push(answer.status);
    }
    // Whether each of these is a 400 is the activity check's business; here, only that no limit met them.
    expect(statuses.slice(0, 4)).not.toContain(429);
    expect(statuses[4]).toBe(429);
  });

  it('answers with security headers (helmet) and Cache-Control: no-store, for a card carrying case data', async () => {
    harness = await startBot((await buildWorld()).deps);
    const answer = await harness.click(people.manager, 'cases.mine', {});
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(answer.headers.get('x-powered-by')).toBeNull();
  });
});
