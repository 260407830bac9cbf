import { addAddendum, amendRecord, logTime, raiseSafeguardingConcern } from '../../workflow';
import { allCardProblems } from '../cards/cardChecks';
import { actionOf, cardText, executeActions } from '../cards/cardWorld';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, errorOf, key, people, value } from '../support/world';
import { cardOf, invokeCard, startBot } from './botHarness';

/**
 * The defect "The DSL can't open the case": the DSL was alerted to a safeguarding concern, and
 * opening the case answered "not on your caseload". The DSL (Dev Okonjo, a worker without this
 * case) now opens any case with a concern and acts on the concern; everything else stays refused.
 */
describe('The DSL can\'t open the case', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let harness: Awaited<ReturnType<typeof startBot>>;

  beforeEach(async () => {
    world = await buildWorld();
    harness = await startBot(world.deps, { notifyThroughTeams: true });
  });
  afterEach(async () => harness.close());

  /** Harriet's case at step 4, and a concern she raised on it. */
  async function caseWithConcern() {
    const steps = caseSteps(world);
    const c = await steps.toStep(4);
    const added = value(
      await raiseSafeguardingConcern(harness.workflow, await world.staff(people.worker), { caseId: c.caseId, requestKey: key('sg'), concern: 'Bruise on the arm, unexplained.', actionTaken: 'Told the class teacher.' }),
    );
    return { ...c, concernId: added.record.id };
  }

  const lastCardTo = (userId: string) => cardOf(harness.connector.sent.filter((s) => s.conversationId === `a:${userId}`).at(-1));
  const dslReads = (caseId: string) => world.memory.audit.all().filter((e) => e.action === 'case.read' && e.caseId === caseId && e.actorId === people.dsl);

  it('the DSL opens the case from the safeguarding notification, and the read is audited as the DSL\'s', async () => {
    await harness.install(people.dsl);
    await harness.bot.drain();
    const c = await caseWithConcern();
    const alert = lastCardTo(people.dsl);
    expect(cardText(alert)).toContain('Safeguarding concern: act now');
    const open = actionOf(alert, 'case.open');
    // The alert stays in the DSL's chat; the case comes as a new message.
    expect(invokeCard((await harness.click(people.dsl, open.verb, open.data, 'dsl-alert')).body)).toEqual(alert);
    const answered = lastCardTo(people.dsl);
    expect(allCardProblems(answered)).toEqual([]);
    const text = cardText(answered);
    expect(text).not.toContain('not on your caseload');
    expect(text).toContain(c.reference);
    expect(text).toContain('Rowan Testfield');
    expect(text).toContain('Safeguarding concern (locked)');
    expect(text).toContain('You opened this case as the DSL');
    // The concern can be acted on; the case's steps stay with its worker.
    expect(executeActions(answered).map((a) => a.verb).sort()).toEqual(['case.chronology', 'cases.mine', 'chronology.open', 'safeguarding.open']);
    expect(dslReads(c.caseId)).toEqual([expect.objectContaining({ actorId: people.dsl, detail: { access: 'safeguarding' } })]);
  });

  it('"case <reference>" typed by the DSL opens it too, audited again as the DSL\'s', async () => {
    const c = await caseWithConcern();
    world.memory.clock.advance(60_000);
    await harness.say(people.dsl, `case ${c.reference}`);
    const text = cardText(lastCardTo(people.dsl));
    expect(text).toContain(c.reference);
    expect(text).not.toContain('not on your caseload');
    expect(dslReads(c.caseId)).toHaveLength(1);
  });

  it('the DSL adds to the chronology from the card, and an addendum to the concern', async () => {
    const c = await caseWithConcern();
    const form = invokeCard((await harness.click(people.dsl, 'chronology.open', { caseId: c.caseId })).body);
    const submit = actionOf(form, 'chronology.submit');
    const done = invokeCard((await harness.click(people.dsl, submit.verb, { ...submit.data, on: '2026-09-14', category: 'contact', note: 'Spoke to the school DSL; referral to children\'s services made.' })).body);
    expect(cardText(done)).toContain('Chronology entry added');
    const addendum = value(await addAddendum(harness.workflow, await world.staff(people.dsl), { recordId: c.concernId, requestKey: key('add'), text: 'Children\'s services acknowledged.' }));
    expect(addendum.record.createdBy).toBe(people.dsl);
    const written = world.memory.audit.all().filter((e) => e.actorId === people.dsl && e.caseId === c.caseId && e.action.startsWith('record.'));
    expect(written.map((e) => [e.action, e.detail.access])).toEqual([
      ['record.chronology', 'safeguarding'],
      ['record.addendum', 'safeguarding'],
    ]);
  });

  it('everything else stays refused: the case\'s steps, time, editing other records, and a case with no concern', async () => {
    const c = await caseWithConcern();
    const dsl = await world.staff(people.dsl);
    const before = (await world.deps.stores.records.find({ caseId: c.caseId })).length;
    const meeting = invokeCard(
      (await harness.click(people.dsl, 'meeting.submit', { caseId: c.caseId, requestKey: 'dsl-meeting-1', heldOn: '2026-09-14', purpose: 'initial-school', attendees: 'SENCo', notes: 'n' })).body,
    );
    expect(cardText(meeting)).toContain('not on your caseload');
    expect(errorOf(await logTime(harness.workflow, dsl, { caseId: c.caseId, requestKey: key('t'), on: '2026-09-14', hours: 1, activity: 'direct-work' })).code).toBe('NotYourCase');
    const [observation] = (await world.deps.stores.records.find({ caseId: c.caseId })).filter((r) => r.body.kind === 'observation');
    if (!observation) throw new Error('no observation on the case');
    expect(errorOf(await amendRecord(harness.workflow, dsl, { recordId: observation.id, etag: observation.etag, body: observation.body })).code).toBe('NotYourCase');
    expect(await world.deps.stores.records.find({ caseId: c.caseId })).toHaveLength(before);

    const school = await world.schoolByUrn('100001');
    const quiet = (await caseSteps(world).refer('100001', { child: childDetails(school.id, { firstName: 'Ellis', lastName: 'Quietcase' }) })).case;
    await harness.say(people.dsl, `case ${quiet.reference}`);
    expect(cardText(lastCardTo(people.dsl))).toContain('not on your caseload');
    expect(dslReads(quiet.id)).toEqual([]);
  });
});
