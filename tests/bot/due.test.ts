import { checkIn } from '../../workflow';
import { allCardProblems } from '../cards/cardChecks';
import { cardText } from '../cards/cardWorld';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, key, people, value } from '../support/world';
import { cardOf, startBot } from './botHarness';

/** Issue 14, "What's due": the `due` command answers a card of the jobs of the next 10 school days. */
describe('"due" through the bot on /api/messages', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let harness: Awaited<ReturnType<typeof startBot>>;

  beforeEach(async () => {
    // Fri 25 Sep 2026, 16:00 in London.
    world = await buildWorld('2026-09-25T15:00:00Z');
    harness = await startBot(world.deps);
  });
  afterEach(async () => harness.close());

  async function visitOf(who: 'worker' | 'otherWorker', lastName: string, plannedEnd: string) {
    const school = await world.schoolByUrn('100001');
    const opened = await caseSteps(world).refer('100001', { child: childDetails(school.id, { firstName: 'Ellis', lastName }) });
    await caseSteps(world).allocate(opened.case.id, who);
    value(await checkIn(world.deps, await world.staff(people[who]), { caseId: opened.case.id, requestKey: key(), place: 'school', plannedStart: '2026-09-25T15:00:00Z', plannedEnd }));
    return opened.case;
  }

  const dueCardOf = async (who: keyof typeof people, text = 'due') => {
    const before = harness.connector.sent.length;
    expect((await harness.say(people[who], text)).status).toBe(200);
    const card = cardOf(harness.connector.sent[before]);
    expect(allCardProblems(card)).toEqual([]);
    return cardText(card);
  };

  it('a manager\'s card lists every job with its London time, what it does and the case reference; never a child\'s name', async () => {
    const mine = await visitOf('worker', 'Farrowdale', '2026-09-25T16:00:00Z');
    const theirs = await visitOf('otherWorker', 'Quillbeck', '2026-09-25T15:30:00Z');
    const text = await dueCardOf('manager', "what's due?");
    expect(text).toContain('2 due until the end of Thu 8 Oct 2026 (10 school days)');
    expect(text).toContain('Fri 25 Sep 2026, 17:30');
    expect(text).toContain('Alert managers if the lone-working check-out is missed');
    expect(text).toContain(mine.reference);
    expect(text).toContain(theirs.reference);
    expect(text.indexOf(theirs.reference)).toBeLessThan(text.indexOf(mine.reference));
    expect(text).not.toMatch(/Farrowdale|Quillbeck|Ellis/);
  });

  it('a worker sees only their own; with nothing due the card says so', async () => {
    const mine = await visitOf('worker', 'Farrowdale', '2026-09-25T16:00:00Z');
    const theirs = await visitOf('otherWorker', 'Quillbeck', '2026-09-25T15:30:00Z');
    const text = await dueCardOf('worker');
    expect(text).toContain('1 due until');
    expect(text).toContain(mine.reference);
    expect(text).not.toContain(theirs.reference);
    expect(await dueCardOf('dsl')).toContain('Nothing is due until the end of Thu 8 Oct 2026');
  });

  it('a late job says so', async () => {
    await visitOf('worker', 'Farrowdale', '2026-09-25T16:00:00Z');
    world.memory.clock.set('2026-09-25T17:00:00Z');
    expect(await dueCardOf('manager')).toContain('Late: it runs at the next tick, within a minute.');
  });

  it('the help card lists the command', async () => {
    expect(await dueCardOf('worker', 'help')).toContain('What the app will do by itself in the next 10 school days');
  });
});
