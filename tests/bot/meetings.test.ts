/**
 * Issue 13 through POST /api/messages: a time on the slot card clicked twice at once (a double
 * click, a Teams retry) books one event, and both answers say what was booked.
 */
import { cardText, executeActions } from '../cards/cardWorld';
import { allCardProblems } from '../cards/cardChecks';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, people } from '../support/world';
import { invokeCard, startBot } from './botHarness';

describe('booking a meeting through the bot', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let harness: Awaited<ReturnType<typeof startBot>>;

  beforeEach(async () => {
    world = await buildWorld('2026-09-14T09:00:00Z');
    harness = await startBot(world.deps);
  });
  afterEach(async () => harness.close());

  it('two clicks at once on the same time book one event; one answer is the booking, the other says it was already booked', async () => {
    const { caseId } = await caseSteps(world).toStep(4);
    const opened = await harness.click(people.worker, 'meeting-book.open', { caseId, kind: 'school-meeting' });
    expect(opened.status).toBe(200);
    const slots = invokeCard(opened.body);
    expect(allCardProblems(slots)).toEqual([]);
    const [time] = executeActions(slots).filter((a) => a.verb === 'meeting-book.submit' && /–/.test(a.title));
    if (!time) throw new Error('no time offered');
    const answers = await Promise.all([harness.click(people.worker, time.verb, time.data), harness.click(people.worker, time.verb, time.data)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const texts = answers.map((a) => cardText(invokeCard(a.body)));
    expect(texts.filter((t) => t.includes('Initial school meeting booked'))).toHaveLength(1);
    expect(texts.filter((t) => /Already booked at \d{2}:\d{2} by you/.test(t))).toHaveLength(1);
    for (const t of texts) expect(t).toContain(time.title);
    await harness.bot.drain();
    expect(world.memory.calendar.events).toHaveLength(1);
    expect(await world.deps.stores.meetings.find({ caseId })).toHaveLength(1);
  });

  it('a time the policy refuses answers the slot card again with the reason, never an error', async () => {
    const { caseId } = await caseSteps(world).toStep(4);
    const slots = invokeCard((await harness.click(people.worker, 'meeting-book.open', { caseId, kind: 'school-meeting' })).body);
    const another = executeActions(slots).find((a) => a.title === 'Book this time');
    if (!another) throw new Error('no "Book this time"');
    const answer = await harness.click(people.worker, another.verb, { ...another.data, onDate: '2026-09-19', atTime: '10:00' });
    expect(answer.status).toBe(200);
    const card = invokeCard(answer.body);
    expect(allCardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('The school is closed on Sat 19 Sep 2026');
    expect(executeActions(card).some((a) => a.title === 'Book this time')).toBe(true);
    expect(world.memory.calendar.events).toHaveLength(0);
  });
});
