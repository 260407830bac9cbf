/**
 * Issue 12, item 6: every card verb's Graph round trips, counted from the embedded Graph's request
 * log, against its budget (budgets.ts). Cases are walked through the bot's real /api/messages,
 * a button pressed only when the card shown carries it; cases that need a long history first are
 * brought there through the use cases (not measured). The reference cache is warm throughout.
 */
import { cardVerbs, type AdaptiveCardJson } from '../../bot/cards';
import { openVerb, submitVerb, type CaseFormName } from '../../bot/cards/forms/formNames';
import { actionOf, cardText, executeActions } from '../cards/cardWorld';
import { caseSteps, childDetails } from '../support/caseSteps';
import { endReviewLeavingCaseOpen } from '../support/reviewEnded';
import { people, value } from '../support/world';
import { checkIn, requestInformation } from '../../workflow';
import { cardOf } from '../bot/botHarness';
import { startTeamsFileServer } from '../support/files/teamsFileServer';
import { warmBudgets } from './budgets';
import { measuredTable, startRoundTripBot, type RoundTripBot } from './roundTripBot';

jest.setTimeout(300_000);

type Person = keyof typeof people;
type Verb = keyof typeof warmBudgets;

let rt: RoundTripBot;
beforeAll(async () => {
  rt = await startRoundTripBot();
});
afterAll(async () => {
  if (!rt) return;
  console.log(`Graph round trips per card action, warm reference cache (largest seen per verb):\n${measuredTable(rt.measured, (name) => (isVerb(name) ? warmBudgets[name].roundTrips : undefined))}`);
  await rt.stop();
});

const isVerb = (name: string): name is Verb => Object.hasOwn(warmBudgets, name);

/** The bot of the shared world; every click is measured, and checked against its budget after the walks. */
function clicks() {
  const setClock = (iso: string) => rt.world.memory.clock.set(iso);
  const act = (who: Person, verb: Verb, data: Record<string, unknown>, message: string) => rt.act(who, verb, data, message);
  /** A click on a button the card shows, with what the user typed. */
  const press = (who: Person, card: AdaptiveCardJson | undefined, verb: Verb, message: string, typed: Record<string, string> = {}) =>
    act(who, verb, { ...actionOf(card, verb).data, ...typed }, message);
  /** Opens the case card as `who`, then a form from it, and submits the form with what was typed. */
  const form = async (who: Person, caseId: string, name: CaseFormName, typed: Record<string, string> = {}) => {
    const message = `case-card-${caseId}`;
    const caseCard = (await act(who, 'case.open', { caseId }, message)).card;
    const opened = await press(who, caseCard, openVerb(name), message);
    return { form: opened.card, done: await press(who, opened.card, submitVerb(name), message, typed) };
  };
  return { setClock, act, press, form };
}

const observationTyped = (observedOn: string) => ({
  observedOn, setting: 'Year 5 classroom, literacy', focus: 'classroom', outcome: 'Settles with an adult close by; leaves the room at transitions.',
  wayForward: 'Transition warnings and a named calm space.', strategiesInUse: 'Visual timetable', strategiesPartly: 'Movement breaks', strategiesNotWorking: '', strategiesNotInUse: '',
});

const contractTerms = (purchaseIds: string) => ({
  targets: 'Uses the calm space when dysregulated\nStays in class for the whole literacy lesson', support: 'Weekly 1:1 sessions, and modelling for the class team',
  purchaseIds, startDate: '2026-10-05', reviewDate: '2026-12-10', namedApprovers: '',
});

/** A new case at school `urn` for a child of this (fictional, letters only) surname, through the use cases. */
async function referred(urn: string, lastName: string) {
  const steps = caseSteps(rt.world);
  const school = await rt.world.schoolByUrn(urn);
  const opened = await steps.refer(urn, { child: childDetails(school.id, { lastName }) });
  return { caseId: opened.case.id, reference: opened.case.reference, schoolId: school.id };
}

/** A new case brought to a contract in force (steps 1-7) through the use cases, the clock left on 1 Oct. */
async function withContractInForce(urn: string, lastName: string) {
  const steps = caseSteps(rt.world);
  rt.world.memory.clock.set('2026-09-14T09:00:00Z');
  const { caseId } = await referred(urn, lastName);
  await steps.toContractStep(caseId);
  rt.world.memory.clock.set('2026-10-01T09:00:00Z');
  await steps.approve((await steps.contract(caseId)).contract.id);
  return caseId;
}

describe('Graph round trips per card action, within the budget of budgets.ts', () => {
  it('a case from the referral form to its review, through the cards', async () => {
    const { setClock, act, press, form } = clicks();
    const school = await rt.world.schoolByUrn('100001');
    const referralForm = await act('admin', 'referral.open', {}, 'welcome-admin');
    // Only what this referral needs: Teams would send the form's other inputs empty.
    const logged = await press('admin', referralForm.card, 'referral.submit', 'welcome-admin', {
      firstName: 'Wren', lastName: 'Halberdine', dateOfBirth: '2016-05-02', gender: 'female', schoolId: school.id, yearGroup: '6', send: 'sen-support',
      parent1Name: 'Ash Halberdine', parent1Relationship: 'mother', parent1Responsibility: 'true', parent1Phone: '01632 960418',
      parent1Address: '3 Lantern Row, Northvale NV3 2QT', parent1PreferredContact: 'phone',
      referralDate: '2026-09-14', referralSource: 'school', reasonForReferral: 'Leaves class several times a day.', whatHasBeenTried: 'Movement breaks.', consent: 'given',
    });
    expect(cardText(logged.card)).toMatch(/Referral logged: case OC-26-[0-9A-Z]{5}/);
    const caseId = executeActions(logged.followUp).find((a) => a.data.caseId)?.data.caseId ?? '';
    expect(caseId).not.toBe('');

    expect(cardText((await form('admin', caseId, 'information-request')).done.card)).toContain('Information request sent');
    expect(cardText((await form('manager', caseId, 'allocate', { workerId: people.worker })).done.card)).toContain('Case allocated');
    setClock('2026-09-18T10:00:00Z');
    await form('admin', caseId, 'information-returned', { returnedOn: '2026-09-18', formReturned: 'true', pdpReturned: 'true', notes: 'PDP attached.' });
    setClock('2026-09-21T14:00:00Z');
    expect(cardText((await form('worker', caseId, 'observation', observationTyped('2026-09-21'))).done.card)).toContain('Observation recorded (step 3)');
    setClock('2026-09-23T15:30:00Z');
    await form('worker', caseId, 'meeting', {
      purpose: 'initial-school', heldOn: '2026-09-23', attendees: 'SENCo\nClass teacher', notes: 'Went through the information form.', agreedSupport: 'Weekly 1:1.', expectations: 'Visual timetable kept going.',
    });
    setClock('2026-09-25T12:30:00Z');
    expect(cardText((await form('worker', caseId, 'check-in', { place: 'home-1', endTime: '15:15' })).done.card)).not.toContain('has passed');
    expect(cardText((await form('worker', caseId, 'home-visit', { mode: 'home-visit', heldOn: '2026-09-25', attendees: 'Parent (mother)', notes: 'Parent supportive.' })).done.card)).toContain('Home visit recorded (step 5)');
    setClock('2026-09-25T14:30:00Z');
    await form('worker', caseId, 'check-out');
    setClock('2026-09-28T09:00:00Z');
    await form('worker', caseId, 'skip-observation', { reason: 'The first observation covered transitions; school and parent agree no more is needed.' });

    setClock('2026-10-01T09:00:00Z');
    const silver = (await rt.world.deps.stores.purchases.find({ schoolId: school.id })).find((p) => p.packageCode === 'silver');
    expect(cardText((await form('worker', caseId, 'contract-draft', contractTerms(silver?.id ?? ''))).done.card)).toContain('Contract version 1 drafted');
    const [contract] = await rt.world.deps.stores.contracts.find({ caseId });
    await act('manager', 'contract.view', { contractId: contract?.id ?? '' }, 'approval-request');
    const approved = await form('manager', caseId, 'contract-decision');
    expect(cardText(approved.done.card)).toContain('The contract is in force');
    const parents = await press('worker', approved.done.followUp, 'parents-informed.open', 'after-approval');
    expect(cardText((await press('worker', parents.card, 'parents-informed.submit', 'after-approval')).card)).toContain('Parents informed');

    setClock('2026-10-06T15:00:00Z');
    expect(cardText((await form('worker', caseId, 'support-session', { deliveredOn: '2026-10-06', hours: '1.5', withWhom: 'pupil', summary: 'Practised the calm space routine.' })).done.card)).toContain('Support session recorded (step 8)');
    expect(cardText((await form('worker', caseId, 'time', { on: '2026-10-06', hours: '1', activity: 'direct-work' })).done.card)).toContain('Time logged');
    expect(cardText((await form('worker', caseId, 'chronology', { on: '2026-10-06', category: 'update-to-home', note: 'Phoned the parent: a good week.' })).done.card)).toContain('Chronology entry added');
    expect(cardText((await form('worker', caseId, 'report', { reportType: 'fair-access-panel', requestedBy: 'Northvale Fair Access Panel', summary: 'Progress since referral.' })).done.card)).toContain('report recorded');

    const caseCard = (await act('manager', 'case.open', { caseId }, 'chronology-view')).card;
    const chronology = await press('manager', caseCard, 'case.chronology', 'chronology-view');
    expect(cardText((await press('manager', chronology.card, 'record.view', 'chronology-view')).card)).toContain('Recorded');

    // The support period ended on Fri 20 Nov: the review (ending the support) closes the case.
    setClock('2026-11-23T15:00:00Z');
    const reviewed = await form('worker', caseId, 'review', { heldOn: '2026-11-19', outcome: 'end', summary: 'Targets met.', destination: 'mainstream' });
    expect(cardText(reviewed.done.card)).toContain('closed');
    expect((await rt.world.deps.stores.cases.get(caseId))?.status).toBe('closed');
  });

  it('a case completed from the case card after its review stopped short of closing it', async () => {
    const { setClock, form } = clicks();
    const caseId = await withContractInForce('100002', 'Quillfeather');
    await caseSteps(rt.world).support(caseId);
    setClock('2026-11-23T15:00:00Z');
    await endReviewLeavingCaseOpen(rt.world, await rt.world.staff(people.worker), caseId);
    expect(cardText((await form('worker', caseId, 'complete')).done.card)).toContain('Case completed and closed');
  });

  it('a case reallocated and closed early; one paused, resumed, its consent recorded; a safeguarding concern', async () => {
    const { setClock, form } = clicks();
    const steps = caseSteps(rt.world);
    setClock('2026-09-14T09:00:00Z');
    const early = await referred('100004', 'Marrowby');
    await steps.allocate(early.caseId);
    expect(cardText((await form('manager', early.caseId, 'reallocate', { workerId: people.otherWorker, reason: 'On leave for three weeks.' })).done.card)).toContain('Case reallocated');
    setClock('2026-10-02T09:00:00Z');
    expect(cardText((await form('manager', early.caseId, 'close-early', { reason: 'moved-school', note: 'Family moved out of the area.' })).done.card)).toContain('Case closed early');

    const paused = { caseId: await withContractInForce('100003', 'Tillingham') };
    setClock('2026-10-07T09:00:00Z');
    expect(cardText((await form('manager', paused.caseId, 'pause', { reason: 'Pupil in hospital for a week.' })).done.card)).toContain('Case paused');
    setClock('2026-10-14T09:00:00Z');
    expect(cardText((await form('manager', paused.caseId, 'resume')).done.card)).toContain('Support now ends');
    expect(cardText((await form('worker', paused.caseId, 'consent', { consent: 'withdrawn' })).done.card)).toContain('Parental consent recorded: Withdrawn');

    setClock('2026-09-21T11:30:00Z');
    const concern = await referred('100005', 'Brackenholt');
    await steps.allocate(concern.caseId);
    const raised = await form('worker', concern.caseId, 'safeguarding', { concern: 'A bruise seen during the observation.', actionTaken: 'Told the school DSL at 11:00.' });
    expect(cardText(raised.done.card)).toContain('The DSL has been alerted');
  });

  it('a meeting booked from the cards (the kind first), viewed, moved and cancelled (issue 13)', async () => {
    const { setClock, act, press } = clicks();
    setClock('2026-09-14T09:00:00Z');
    const { caseId } = await referred('100001', 'Pellbrook');
    await caseSteps(rt.world).allocate(caseId);
    const message = `meeting-${caseId}`;
    const caseCard = (await act('worker', 'case.open', { caseId }, message)).card;
    const kinds = await press('worker', caseCard, 'meeting-book.open', message);
    const slots = await press('worker', kinds.card, 'meeting-book.open', message);
    const booked = await press('worker', slots.card, 'meeting-book.submit', message);
    expect(cardText(booked.card)).toContain('Initial school meeting booked');
    const viewed = await press('worker', booked.followUp, 'meeting.view', message);
    const move = await press('worker', viewed.card, 'meeting-move.open', message);
    expect(cardText((await press('worker', move.card, 'meeting-move.submit', message, { start: '', end: '', onDate: '2026-09-18', atTime: '10:00' })).card)).toContain('moved');
    const cancel = await press('worker', viewed.card, 'meeting-cancel.open', message);
    // The embedded Graph has no POST /users/{id}/events/{id}/cancel yet (501, issue 13 item 6): the cancel is measured, its answer is "could not be finished" until then.
    expect(cardText((await press('worker', cancel.card, 'meeting-cancel.submit', message, { reason: 'The school closed for the day.' })).card)).toMatch(/cancelled|could not be finished/);
  });

  it('a missed check-out alert acknowledged by a manager from its card (issue 14)', async () => {
    const { setClock, act, press } = clicks();
    setClock('2026-09-25T12:00:00Z');
    const { caseId } = await referred('100001', 'Ackworth');
    await caseSteps(rt.world).allocate(caseId);
    const worker = await rt.world.staff(people.worker);
    const visit = await checkIn(rt.world.deps, worker, { caseId, requestKey: `ack-${caseId}-visit`, place: 'school', plannedStart: '2026-09-25T12:00:00Z', plannedEnd: '2026-09-25T13:00:00Z' });
    if (!visit.ok) throw new Error(visit.error.message);
    setClock('2026-09-25T13:45:00Z');
    const message = `ack-${caseId}`;
    const opened = await act('manager', 'check-out-acknowledge.open', { caseId, recordId: visit.value.record.id }, message);
    expect(cardText((await press('manager', opened.card, 'check-out-acknowledge.submit', message)).card)).toContain('Missed check-out alert acknowledged');
  });

  it('a file sent in chat, filed on the case waiting for it (issue 15 part 5)', async () => {
    const { setClock } = clicks();
    setClock('2026-09-18T09:00:00Z');
    const { caseId } = await referred('100001', 'Fernholt');
    await caseSteps(rt.world).allocate(caseId);
    value(await requestInformation(rt.world.deps, await rt.world.staff(people.admin), { caseId }));
    // uploadOnce is built elsewhere (the drive work): a test's own over the adapter's list and upload until it lands.
    const files = await startTeamsFileServer();
    const bot = await rt.botOver({ ...rt.world.deps, folders: rt.world.deps.folders });
    try {
      const admin = people.admin;
      const answer = await bot.harness.post({
        type: 'message', channelId: 'msteams', serviceUrl: bot.harness.connector.url, id: 'user-file-1', timestamp: new Date().toISOString(),
        from: { id: `29:teams-${admin}`, name: 'Demo user', aadObjectId: admin }, recipient: { id: '28:outreach-bot', name: 'Outreach Cases' },
        conversation: { id: `a:${admin}`, conversationType: 'personal', tenantId: 'tenant-1' },
        attachments: [files.put('form.pdf', new TextEncoder().encode('%PDF-1.4 form'))],
      });
      expect(answer.status).toBe(200);
      await bot.harness.bot.drain();
      const card = cardOf(bot.harness.connector.sent.at(-1));
      const submit = actionOf(card, 'returned-document.submit');
      const filed = await bot.act('admin', submit.verb, { ...submit.data, caseId, document: 'information-form' }, 'file-card');
      expect(cardText(filed.card)).toContain('filed on');
      rt.measured.push(...bot.measured);
    } finally {
      await bot.close();
      await files.close();
    }
  });

  it('the views: my cases and help', async () => {
    const { act } = clicks();
    expect(cardText((await act('worker', 'cases.mine', {}, 'welcome-worker')).card)).toMatch(/case/);
    expect(cardText((await act('worker', 'help.show', {}, 'welcome-worker')).card)).toContain('Outreach Cases');
  });

  it('every verb the bot handles has a budget, and no other', () => {
    expect(new Set(Object.keys(warmBudgets))).toEqual(new Set(cardVerbs));
  });

  it.each(Object.keys(warmBudgets).filter(isVerb))('%s: every click of it measured within its budget', (verb) => {
    const clicks = rt.measured.filter((m) => m.name === verb).map((m) => m.roundTrips);
    expect(clicks.length).toBeGreaterThan(0);
    const seen = { verb, roundTrips: Math.max(...clicks), budget: warmBudgets[verb].roundTrips };
    expect({ ...seen, within: seen.roundTrips <= seen.budget }).toEqual({ ...seen, within: true });
  });
});
