import { Writable } from 'node:stream';
import pino from 'pino';
import { alertIfCheckOutMissed } from '../../workflow';
import { allCardProblems } from '../cards/cardChecks';
import { actionOf, cardText } from '../cards/cardWorld';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, people } from '../support/world';
import { cardOf, invokeCard, startBot } from './botHarness';

const homeAddress = '12 Elm Road, Harbourtown HT1 2AB';

/** Everything the app logged, as text: an address on file is child data and must never be in it. */
function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), text: () => lines.join('') };
}

describe('Lone working through the bot: where, the planned end, one-click check-out, the alert', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let harness: Awaited<ReturnType<typeof startBot>>;
  let log: ReturnType<typeof capturedLog>;

  beforeEach(async () => {
    // Fri 25 Sep 2026, 14:00 in London.
    world = await buildWorld('2026-09-25T13:00:00Z');
    log = capturedLog();
    harness = await startBot(world.deps, { notifyThroughTeams: true, logger: log.logger });
  });
  afterEach(async () => harness.close());

  /** A case of the worker's whose child's mother has an address on file. */
  async function caseWithHome() {
    const school = await world.schoolByUrn('100001');
    const parents = [{ name: 'Casey Testfield', relationship: 'mother', parentalResponsibility: true, address: homeAddress, preferredContact: 'letter' }];
    const opened = await caseSteps(world).refer('100001', { child: childDetails(school.id, { parents }) });
    await caseSteps(world).allocate(opened.case.id, 'worker');
    return opened.case;
  }

  const press = async (verb: string, data: Record<string, unknown>) => {
    const answer = await harness.click(people.worker, verb, data);
    expect(answer.status).toBe(200);
    return invokeCard(answer.body);
  };

  async function checkIn(caseId: string, typed: Record<string, string> = {}) {
    const form = await press('check-in.open', { caseId });
    const submit = actionOf(form, 'check-in.submit');
    return { form, done: await press(submit.verb, { ...submit.data, place: 'home-1', endTime: '15:15', ...typed }) };
  }

  it('the lone-working check-in has no where: the form offers the home on file (or somewhere else) and the planned end; the record and the card say where', async () => {
    const c = await caseWithHome();
    const { form, done } = await checkIn(c.id);
    expect(allCardProblems(form)).toEqual([]);
    expect(cardText(form)).toContain(`Home (mother): ${homeAddress}`);
    expect(cardText(form)).toContain('Somewhere else (type the address below)');
    expect(cardText(form)).toContain('15:00');
    expect(allCardProblems(done)).toEqual([]);
    expect(cardText(done)).toContain(`the parent/carer's home, ${homeAddress}`);
    expect(cardText(done)).toContain('Fri 25 Sep 2026, 15:15');
    const [visit] = (await world.deps.stores.records.find({ caseId: c.id })).filter((r) => r.body.kind === 'lone-working');
    expect(visit?.body).toMatchObject({ where: { kind: 'home', address: homeAddress }, plannedEnd: '2026-09-25T14:15:00Z' });

    const elsewhere = await checkIn(c.id, { place: 'elsewhere', address: 'Family centre, 3 Quay St', endTime: '16:00' });
    expect(cardText(elsewhere.done)).toContain('Family centre, 3 Quay St');
    expect(log.text()).not.toContain('Elm Road');
    expect(log.text()).not.toContain('Quay St');
  });

  it('check-out does not confirm safe: the check-in answer checks out in one click, "Checked out at 14:20: safe"; a double click records once', async () => {
    const c = await caseWithHome();
    const { done } = await checkIn(c.id);
    const oneClick = actionOf(done, 'check-out.submit');
    expect(oneClick.title).toBe('Check out: I am safely away');
    world.memory.clock.set('2026-09-25T13:20:00Z');
    // A double click: both clicks arrive at once.
    const [first, second] = await Promise.all([harness.click(people.worker, oneClick.verb, oneClick.data), harness.click(people.worker, oneClick.verb, oneClick.data)]);
    const texts = [cardText(invokeCard(first.body)), cardText(invokeCard(second.body))];
    expect(texts.filter((t) => t.includes('Checked out at 14:20: safe.'))).toHaveLength(2);
    expect(texts.filter((t) => t.includes('Already recorded at 14:20 by you'))).toHaveLength(1);
    const [visit] = (await world.deps.stores.records.find({ caseId: c.id })).filter((r) => r.body.kind === 'lone-working');
    expect(visit?.body).toMatchObject({ checkedOutAt: '2026-09-25T13:20:00.000Z' });
    const audits = (await world.deps.audit.forCase(c.id)).filter((e) => e.action === 'lone-working.check-out');
    expect(audits).toHaveLength(1);
  });

  it('missed check-out alert does not say where: the manager\'s card names the worker, where they went and the planned end', async () => {
    await harness.install(people.manager);
    await harness.bot.drain();
    const c = await caseWithHome();
    const { done } = await checkIn(c.id);
    const recordId = actionOf(done, 'check-out.submit').data.recordId ?? '';
    world.memory.clock.set('2026-09-25T14:46:00Z');
    expect(await alertIfCheckOutMissed(harness.workflow, recordId)).toBe('alerted');
    await harness.bot.drain();
    const alert = harness.connector.sent.filter((s) => s.conversationId === `a:${people.manager}`).at(-1);
    const card = cardOf(alert);
    expect(allCardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Missed check-out from a home visit');
    expect(text).toContain('Worker: Harriet Lunde');
    expect(text).toContain(`Where: the parent/carer's home, ${homeAddress}`);
    expect(text).toContain('Planned end: Fri 25 Sep 2026, 15:15');
    // The case reference, never the child's name; and the address in the card, not in the log.
    expect(text).toContain(c.reference);
    expect(text).not.toContain('Testfield');
    expect(log.text()).not.toContain('Elm Road');
  });

  it('a stale check-out button stays on the check-in card after checking out from the case card: the card is redrawn without it', async () => {
    const c = await caseWithHome();
    const form = await press('check-in.open', { caseId: c.id });
    const submit = actionOf(form, 'check-in.submit');
    // The form is message "check-in-card" in the worker's chat; the check-in answer replaces it there.
    const checkedIn = await harness.click(people.worker, submit.verb, { ...submit.data, place: 'home-1', endTime: '15:15' }, 'check-in-card');
    const recordId = actionOf(invokeCard(checkedIn.body), 'check-out.submit').data.recordId ?? '';
    await harness.bot.drain();
    world.memory.clock.set('2026-09-25T13:20:00Z');
    const checkOutForm = await press('check-out.open', { caseId: c.id, recordId });
    const done = await harness.click(people.worker, 'check-out.submit', actionOf(checkOutForm, 'check-out.submit').data, 'check-out-card');
    expect(cardText(invokeCard(done.body))).toContain('Checked out at 14:20: safe.');
    await harness.bot.drain();
    const redrawn = harness.connector.sent.filter((s) => s.method === 'PUT' && s.activityId === 'check-in-card').at(-1);
    const card = cardOf(redrawn);
    expect(allCardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Checked in to the home visit');
    expect(cardText(card)).toContain('Checked out at 14:20: safe.');
    expect(JSON.stringify(card)).not.toContain('check-out.submit');
  });
});
