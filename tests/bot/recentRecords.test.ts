import { allCardProblems } from '../cards/cardChecks';
import { actionOf, cardText } from '../cards/cardWorld';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, people } from '../support/world';
import { invokeCard, startBot } from './botHarness';

type Harness = Awaited<ReturnType<typeof startBot>>;
type World = Awaited<ReturnType<typeof buildWorld>>;

const observation = {
  observedOn: '2026-09-21', setting: 'Year 4 maths', focus: 'classroom', outcome: 'Settles with an adult nearby.', wayForward: 'Transition warnings.',
  strategiesInUse: 'Visual timetable', strategiesPartly: '', strategiesNotWorking: '', strategiesNotInUse: '',
};

describe('a form opened just after the same record was written does not say so (impatience)', () => {
  let harness: Harness;
  let world: World;

  beforeEach(async () => {
    world = await buildWorld('2026-09-21T10:00:00Z');
    harness = await startBot(world.deps);
  });
  afterEach(async () => harness.close());

  /** The card a click answers with (the endpoint answers 200 or invokeCard throws). */
  const press = async (who: string, verb: string, data: Record<string, unknown>) => invokeCard((await harness.click(who, verb, data)).body);

  async function observedCase(by: string) {
    const steps = caseSteps(world);
    const opened = await steps.refer();
    await steps.allocate(opened.case.id, 'worker');
    await steps.informationReturned(opened.case.id);
    const form = await press(by, 'observation.open', { caseId: opened.case.id });
    expect(cardText(form)).not.toContain('Record another?');
    const submit = actionOf(form, 'observation.submit');
    expect(cardText(await press(by, submit.verb, { ...submit.data, ...observation }))).toContain('Observation recorded (step 3)');
    return opened.case.id;
  }

  it('record an observation, open the observation form again 40 seconds later: the form says so at its top', async () => {
    const caseId = await observedCase(people.worker);
    world.memory.clock.advance(40_000);
    const again = await press(people.worker, 'observation.open', { caseId });
    expect(allCardProblems(again)).toEqual([]);
    expect(cardText(again)).toContain('An observation was recorded 40 seconds ago by you. Record another?');
    // At the top of the form: before its title and its inputs.
    const blockWith = (text: string) => again.body.findIndex((b) => cardText({ ...again, body: [b] }).includes(text));
    expect(blockWith('Record another?')).toBeGreaterThanOrEqual(0);
    expect(blockWith('Record another?')).toBeLessThan(blockWith('Outcome'));
  });

  it('names who recorded it when it was someone else, and says nothing after 10 minutes', async () => {
    const caseId = await observedCase(people.manager);
    world.memory.clock.advance(3 * 60_000);
    expect(cardText(await press(people.worker, 'observation.open', { caseId }))).toContain('An observation was recorded 3 minutes ago by Morgan Ashby. Record another?');
    world.memory.clock.advance(8 * 60_000);
    expect(cardText(await press(people.worker, 'observation.open', { caseId }))).not.toContain('Record another?');
  });

  it('another kind of form (a chronology entry) is not told about the observation', async () => {
    const caseId = await observedCase(people.worker);
    expect(cardText(await press(people.worker, 'chronology.open', { caseId }))).not.toContain('Record another?');
  });
});
