import { caseSteps } from '../support/caseSteps';
import { buildWorld, people } from '../support/world';
import { actionOf, cardText, executeActions } from '../cards/cardWorld';
import { cardOf, invokeCard, startBot } from './botHarness';

type Harness = Awaited<ReturnType<typeof startBot>>;
type World = Awaited<ReturnType<typeof buildWorld>>;

const shownDates = (text: string): string[] => [...text.matchAll(/\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}(?= ·)/g)].map((m) => m[0]);
const asIso = (shown: string): string => new Date(`${shown.slice(4)} 12:00 UTC`).toISOString().slice(0, 10);

describe('Smaller problems: recent records and the whole chronology', () => {
  let harness: Harness;
  let world: World;

  beforeEach(async () => {
    world = await buildWorld();
    harness = await startBot(world.deps);
  });
  afterEach(async () => harness.close());

  /** A case in force with support sessions typed in on 2 Nov, in an order unlike when they happened. */
  async function caseWithLateEntries() {
    const steps = caseSteps(world);
    const { caseId } = await steps.toContractInForce();
    world.memory.clock.set('2026-11-02T10:00:00Z');
    for (const day of ['2026-10-13', '2026-10-06', '2026-10-08', '2026-10-07', '2026-10-09', '2026-10-12', '2026-10-05']) await steps.support(caseId, day);
    const c = await world.deps.stores.cases.get(caseId);
    const records = await world.deps.stores.records.find({ caseId });
    return { caseId, reference: c?.reference ?? '', total: records.length };
  }

  const lastCard = () => cardOf(harness.connector.sent.at(-1));
  const press = async (who: string, verb: string, data: Record<string, unknown>) => {
    const answer = await harness.click(who, verb, data);
    expect(answer.status).toBe(200);
    return invokeCard(answer.body);
  };

  it('"Recent records" on the case card are dated by when they happened, newest first', async () => {
    const { reference } = await caseWithLateEntries();
    await harness.say(people.worker, reference);
    const text = cardText(lastCard());
    expect(text).toContain('Tue 13 Oct 2026 · Support session');
    expect(text).not.toContain('Mon 2 Nov 2026 ·');
    const dates = shownDates(text).map(asIso);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('"chronology <ref>" lists every record by the date it happened, 10 a page, each openable; the case card has the button', async () => {
    const { caseId, reference, total } = await caseWithLateEntries();
    expect(total).toBeGreaterThan(10);
    await harness.say(people.worker, `chronology ${reference}`);
    const first = lastCard();
    const pages = Math.ceil(total / 10);
    expect(cardText(first)).toContain(`${total} records, by the date each happened. Page 1 of ${pages}.`);
    expect(executeActions(first).filter((a) => a.verb === 'record.view')).toHaveLength(10);
    const second = await press(people.worker, 'case.chronology', actionOf(first, 'case.chronology').data);
    expect(cardText(second)).toContain(`Page 2 of ${pages}`);
    const all = [...shownDates(cardText(first)), ...shownDates(cardText(second))].map(asIso);
    expect(all).toHaveLength(Math.min(total, 20));
    expect(all).toEqual([...all].sort());
    expect(all.at(-1)).toBe('2026-10-13');
    expect(executeActions(second).map((a) => a.title)).toContain('Previous');

    const opened = await press(people.worker, 'record.view', executeActions(second).filter((a) => a.verb === 'record.view').at(-1)?.data ?? {});
    const shown = cardText(opened);
    expect(shown).toContain('Support session');
    expect(shown).toContain('Tue 13 Oct 2026');
    expect(shown).toContain('by Harriet Lunde, Mon 2 Nov 2026, 10:00');

    await harness.say(people.worker, reference);
    const button = actionOf(lastCard(), 'case.chronology');
    expect(button.data).toMatchObject({ caseId });
    const fromCard = await press(people.worker, 'case.chronology', button.data);
    expect(cardText(fromCard)).toContain(`Page 1 of ${pages}`);
  });

  it('the chronology is read as the case is: a worker not on the case is refused, and each read is audited', async () => {
    const { caseId, reference } = await caseWithLateEntries();
    const readsBy = async (who: string) => (await world.deps.audit.forCase(caseId)).filter((e) => e.action === 'case.read' && e.actorId === who).length;
    const readsBefore = await readsBy(people.worker);
    await harness.say(people.otherWorker, `chronology ${reference}`);
    expect(executeActions(lastCard()).filter((a) => a.verb === 'record.view')).toEqual([]);
    const refused = await press(people.otherWorker, 'case.chronology', { caseId });
    expect(cardText(refused)).toContain('not on your caseload');
    expect(executeActions(refused).filter((a) => a.verb === 'record.view')).toEqual([]);
    await press(people.worker, 'case.chronology', { caseId, page: '2' });
    expect(await readsBy(people.worker)).toBe(readsBefore + 1);
  });
});
