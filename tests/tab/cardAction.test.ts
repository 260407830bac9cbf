import { RecordTooLarge, type CaseLocks } from '../../workflow';
import { CardAnswer, routes } from '../../tab/contract/api';
import { actionOf, cardText } from '../cards/cardWorld';
import { startTab, type Person } from './tabHarness';

type Tab = Awaited<ReturnType<typeof startTab>>;

/** A lock that counts the cases taken and can be held from outside (as a chat submit in flight would hold it). */
function watchedLocks() {
  const taken: string[] = [];
  let held: Promise<void> = Promise.resolve();
  const locks: CaseLocks = {
    async withCase(caseId, work) {
      taken.push(caseId);
      await held;
      return work();
    },
  };
  return { locks, taken, hold: (until: Promise<void>) => void (held = until) };
}

const click = async (tab: Tab, who: Person, verb: string, data: Record<string, unknown>) => {
  const answer = await tab.post(routes.cardAction, { verb, data }, who);
  expect(answer.status).toBe(200);
  return CardAnswer.parse(answer.body);
};

const entry = { on: '2026-09-18', category: 'contact', note: 'Phoned the school about the information form.' };

describe('POST /tab/api/cards/action: a card\'s action through the bot\'s dispatcher', () => {
  it('opens a form and submits it; the same submit again answers the bot\'s "already recorded" card and writes once', async () => {
    const watched = watchedLocks();
    const tab = await startTab({ caseLocks: watched.locks });
    const c = await tab.referred('Rowan', 'Testfield');
    await tab.steps.allocate(c.id, 'worker');
    const form = await click(tab, 'worker', 'chronology.open', { caseId: c.id });
    const submit = actionOf(form.card as never, 'chronology.submit');
    const done = await click(tab, 'worker', submit.verb, { ...submit.data, ...entry });
    expect(cardText(done.card as never)).toContain('Chronology entry added');
    const again = await click(tab, 'worker', submit.verb, { ...submit.data, ...entry });
    expect(cardText(again.card as never)).toContain('Already recorded');
    const written = (await tab.world.deps.stores.records.find({ caseId: c.id })).filter((r) => r.body.kind === 'chronology');
    expect(written).toHaveLength(1);
    // Submits (not the form's opening) took the case's lock.
    expect(watched.taken).toEqual([c.id, c.id]);
  });

  it('a submit waits for the lock held by another action on the same case (the bot\'s, when the app passes it)', async () => {
    const watched = watchedLocks();
    const tab = await startTab({ caseLocks: watched.locks });
    const c = await tab.referred('Rowan', 'Testfield');
    await tab.steps.allocate(c.id, 'worker');
    const submit = actionOf((await click(tab, 'worker', 'chronology.open', { caseId: c.id })).card as never, 'chronology.submit');
    let release = (): void => undefined;
    watched.hold(new Promise<void>((resolve) => (release = resolve)));
    const pending = tab.post(routes.cardAction, { verb: submit.verb, data: { ...submit.data, ...entry } }, 'worker').then((r) => r);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await tab.world.deps.stores.records.find({ caseId: c.id })).filter((r) => r.body.kind === 'chronology')).toHaveLength(0);
    release();
    expect((await pending).status).toBe(200);
    expect((await tab.world.deps.stores.records.find({ caseId: c.id })).filter((r) => r.body.kind === 'chronology')).toHaveLength(1);
  });

  it('a worker\'s click on another\'s case answers the refusal card; an unknown verb the bot\'s "no longer works" card', async () => {
    const tab = await startTab();
    const c = await tab.referred('Rowan', 'Testfield');
    await tab.steps.allocate(c.id, 'otherWorker');
    expect(cardText((await click(tab, 'worker', 'chronology.open', { caseId: c.id })).card as never)).toContain('not on your caseload');
    expect(cardText((await click(tab, 'worker', 'paint.submit', {})).card as never)).toContain('That button no longer works');
  });

  it('a contract decided in the tab names what changed, for the app to redraw its cards in chat', async () => {
    const tab = await startTab({ now: '2026-09-30T09:00:00Z' });
    const { caseId } = await tab.steps.toStep(7);
    const { contract } = await tab.steps.contract(caseId);
    const view = await click(tab, 'manager', 'contract.view', { contractId: contract.id });
    const approve = actionOf(view.card as never, 'contract-decision.submit');
    const done = await click(tab, 'manager', approve.verb, approve.data);
    expect(cardText(done.card as never)).toContain('Approved');
    expect(tab.changed).toEqual([[`contract:${contract.id}`]]);
  });

  it('a record too large answers a card saying so; any other failure "could not be finished", logged without personal data', async () => {
    const tab = await startTab();
    const c = await tab.referred('Quillon', 'Marchbanks');
    await tab.steps.allocate(c.id, 'worker');
    const submit = actionOf((await click(tab, 'worker', 'chronology.open', { caseId: c.id })).card as never, 'chronology.submit');
    const records = tab.world.deps.stores.records;
    const create = records.create.bind(records);
    records.create = () => Promise.reject(new RecordTooLarge('CaseRecords', 70_000, 63_999));
    expect(cardText((await click(tab, 'worker', submit.verb, { ...submit.data, ...entry })).card as never)).toContain('That is too long to store');
    records.create = () => Promise.reject(new Error('Graph 503 for Quillon Marchbanks'));
    const failed = await click(tab, 'worker', submit.verb, { ...submit.data, ...entry });
    expect(cardText(failed.card as never)).toContain('That could not be finished');
    records.create = create;
    expect(tab.log.text()).toContain('tab card action failed');
    for (const part of ['Quillon', 'Marchbanks']) expect(tab.log.text()).not.toContain(part);
  });

  it('400 naming the problem for a body without a verb, or not JSON; 401 without a sign-in', async () => {
    const tab = await startTab();
    const noVerb = await tab.post(routes.cardAction, { data: {} }, 'worker');
    expect(noVerb.status).toBe(400);
    expect(noVerb.body.error).toContain('verb');
    const notJson = await tab.post(routes.cardAction, '{"verb":', 'worker').set('Content-Type', 'application/json');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toContain('not JSON');
    expect((await tab.post(routes.cardAction, { verb: 'cases.mine' })).status).toBe(401);
    expect((await tab.post(routes.cardAction, { verb: 'cases.mine' }, 'worker')).status).toBe(200);
  });
});
