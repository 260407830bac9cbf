import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, people, type World } from '../support/world';
import { cardText } from '../cards/cardWorld';
import { cardOf, startBot } from './botHarness';

/** Audit gaps, through POST /api/messages on memory ports (the clock stands still: every read is in the same millisecond). */
describe('Audit gaps', () => {
  let harness: Awaited<ReturnType<typeof startBot>>;
  let world: World;

  beforeEach(async () => {
    world = await buildWorld();
    harness = await startBot(world.deps);
  });
  afterEach(async () => harness.close());

  const referChildren = async (lastNames: string[]) => {
    const school = await world.schoolByUrn('100001');
    const opened = [];
    for (const lastName of lastNames) opened.push(await caseSteps(world).refer('100001', { child: childDetails(school.id, { lastName }) }));
    return opened;
  };
  const entriesOf = async (caseId: string, action: string) => (await world.deps.audit.forCase(caseId)).filter((e) => e.action === action);

  it('"my cases" shows a manager every child\'s name and writes a read entry for each case it lists', async () => {
    const opened = await referChildren(['Ashcombe', 'Brightwell', 'Corrigan']);
    await harness.say(people.manager, 'my cases');
    const text = cardText(cardOf(harness.connector.sent[0]));
    for (const o of opened) {
      expect(text).toContain(`${o.child.firstName} ${o.child.lastName}`);
      expect(await entriesOf(o.case.id, 'case.listed')).toEqual([expect.objectContaining({ actorId: people.manager, caseId: o.case.id, detail: {} })]);
    }
    expect(JSON.stringify(await world.deps.audit.forCase(opened[0]?.case.id ?? ''))).not.toContain('Ashcombe');
  });

  it('"my cases" for a worker writes read entries for the worker\'s own cases only', async () => {
    const [mine, other] = await referChildren(['Dunmore', 'Everleigh']);
    await caseSteps(world).allocate(mine?.case.id ?? '', 'worker');
    await caseSteps(world).allocate(other?.case.id ?? '', 'otherWorker');
    await harness.say(people.worker, 'my cases');
    expect(cardText(cardOf(harness.connector.sent[0]))).toContain('Dunmore');
    expect(await entriesOf(mine?.case.id ?? '', 'case.listed')).toEqual([expect.objectContaining({ actorId: people.worker })]);
    expect(await entriesOf(other?.case.id ?? '', 'case.listed')).toEqual([]);
  });

  it('two people opening the same case in the same millisecond are two read entries, one per reader', async () => {
    const [opened] = await referChildren(['Fairweather']);
    const reference = opened?.case.reference ?? '';
    await harness.say(people.manager, `case ${reference}`);
    await harness.say(people.admin, `case ${reference}`);
    for (const out of harness.connector.sent) expect(cardText(cardOf(out))).toContain(reference);
    const reads = await entriesOf(opened?.case.id ?? '', 'case.read');
    expect(reads.map((e) => e.at)).toEqual([reads[0]?.at, reads[0]?.at]);
    expect(reads.map((e) => e.actorId).sort()).toEqual([people.manager, people.admin].sort());
  });

  it('two people listing their cases in the same millisecond are two read entries of each case', async () => {
    const [opened] = await referChildren(['Galloway']);
    await harness.say(people.manager, 'my cases');
    await harness.say(people.admin, 'my cases');
    expect((await entriesOf(opened?.case.id ?? '', 'case.listed')).map((e) => e.actorId).sort()).toEqual([people.manager, people.admin].sort());
  });
});
