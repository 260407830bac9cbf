/**
 * "The next action first": the case card showed about 13 buttons and nothing marked the one that
 * moves the case on. Now, at every step 2..9, it shows the next action as its one primary
 * (positive) button, at most three others beside it, everything else under "More actions"; and
 * from the card the record is saved in at most two clicks (open the form + submit it), or one
 * where there is nothing to type.
 */
import { notificationMessage, type AdaptiveCardJson } from '../../bot/cards';
import { decideContract, type Case } from '../../workflow';
import { endReviewLeavingCaseOpen } from '../support/reviewEnded';
import { people } from '../support/world';
import { allCardProblems } from './cardChecks';
import { actionOf, buildCardWorld, cardText, cardWorldWithCaseAt, executeActions, type FoundAction } from './cardWorld';

jest.setTimeout(60_000);

type Person = keyof typeof people;
type CardWorld = Awaited<ReturnType<typeof buildCardWorld>>;
interface TopAction {
  type: string;
  title: string;
  verb?: string;
  style?: string;
  data?: Record<string, string>;
}

const topActions = (card: AdaptiveCardJson | undefined): TopAction[] => (card?.actions ?? []) as TopAction[];
const primaries = (card: AdaptiveCardJson | undefined): TopAction[] => topActions(card).filter((a) => a.style === 'positive');
/** The buttons in sight besides the primary ("More actions" only opens the rest). */
const othersInSight = (card: AdaptiveCardJson | undefined): string[] =>
  topActions(card).filter((a) => a.style !== 'positive' && a.type !== 'Action.ShowCard').map((a) => a.title);
const moreActions = (card: AdaptiveCardJson | undefined): FoundAction[] => {
  const more = topActions(card).find((a) => a.type === 'Action.ShowCard' && a.title === 'More actions') as unknown as { card?: AdaptiveCardJson } | undefined;
  return executeActions(more?.card);
};

const observationTyped = (observedOn: string) => ({
  observedOn, setting: 'Year 5 classroom, literacy', focus: 'classroom', outcome: 'Settles with an adult close by.', wayForward: 'Transition warnings.',
  strategiesInUse: 'Visual timetable', strategiesPartly: '', strategiesNotWorking: '', strategiesNotInUse: '',
});

/** The case card as `who` sees it: one primary, titled `title`, and at most three other buttons in sight. */
async function caseCardOf(cw: CardWorld, who: Person, caseId: string, title: string) {
  const card = (await cw.act(who, 'case.open', { caseId })).card;
  expect(primaries(card).map((a) => a.title)).toEqual([title]);
  expect(othersInSight(card).length).toBeLessThanOrEqual(3);
  expect(topActions(card).filter((a) => a.type === 'Action.ShowCard').length).toBeLessThanOrEqual(1);
  return card;
}

/** Presses the primary and, if it opened a form, submits it with what was typed: the clicks it took. */
async function doNextAction(cw: CardWorld, who: Person, card: AdaptiveCardJson, typed: Record<string, string> = {}): Promise<{ clicks: number; text: string }> {
  const [primary] = primaries(card);
  if (!primary?.verb) throw new Error('no primary action');
  const first = await cw.act(who, primary.verb, primary.data ?? {});
  if (primary.verb.endsWith('.submit')) return { clicks: 1, text: cardText(first.card) };
  const submit = primary.verb.replace(/\.open$/, '.submit');
  const done = await cw.act(who, submit, { ...actionOf(first.card, submit).data, ...typed });
  return { clicks: 2, text: cardText(done.card) };
}

const caseOf = async (cw: CardWorld, caseId: string): Promise<Case> => {
  const c = await cw.world.deps.stores.cases.get(caseId);
  if (!c) throw new Error('no case');
  return c;
};

describe('the next action first: one primary button, at most three beside it, the record in at most two clicks', () => {
  it('step 2: the manager allocates (2 clicks), then "Information returned today" records it in 1, dated the day it is pressed', async () => {
    const cw = await cardWorldWithCaseAt(2);
    const manager = await caseCardOf(cw, 'manager', cw.caseId, 'Allocate a worker');
    expect(othersInSight(manager)).toEqual(expect.arrayContaining(['Information returned today', 'Send the information request']));
    expect(await doNextAction(cw, 'manager', manager, { workerId: people.worker })).toMatchObject({ clicks: 2 });
    expect((await caseOf(cw, cw.caseId)).workerId).toBe(people.worker);

    const admin = await caseCardOf(cw, 'admin', cw.caseId, 'Information returned today');
    // The full form, for another date or a document still missing, stays under "More actions".
    expect(moreActions(admin).map((a) => a.title)).toContain('Information returned on another date');
    // Drawn on the 14th, pressed on the 16th: the date is taken when it is pressed.
    cw.world.memory.clock.set('2026-09-16T10:00:00Z');
    const done = await doNextAction(cw, 'admin', admin);
    expect(done).toMatchObject({ clicks: 1 });
    expect(done.text).toContain('Information returned recorded');
    const [record] = await cw.world.deps.stores.records.find({ caseId: cw.caseId });
    expect(record?.body).toMatchObject({ kind: 'information-returned', returnedOn: '2026-09-16', formReturned: true, pdpReturned: true });
    expect((await caseOf(cw, cw.caseId)).milestones.informationReturned).toBeDefined();
  });

  it('step 2, a worker on an unallocated case: no primary, the card says what it waits for', async () => {
    const cw = await cardWorldWithCaseAt(2);
    await cw.steps.informationReturned(cw.caseId);
    const card = (await cw.act('admin', 'case.open', { caseId: cw.caseId })).card;
    expect(primaries(card)).toEqual([]);
    expect(cardText(card)).toContain('waiting for a manager to allocate a worker');
  });

  const formSteps = [
    { step: 3, title: 'Record the observation', typed: observationTyped('2026-09-21'), done: (c: Case) => c.milestones.firstObservation },
    {
      step: 4, title: 'Record the school meeting',
      typed: { purpose: 'initial-school', heldOn: '2026-09-23', attendees: 'SENCo', notes: 'Went through the PDP.', agreedSupport: 'Weekly sessions', expectations: '' },
      done: (c: Case) => c.milestones.schoolMeeting,
    },
    { step: 5, title: 'Record the home visit or call', typed: { mode: 'home-visit', heldOn: '2026-09-25', attendees: 'Mother', notes: 'Supportive.' }, done: (c: Case) => c.milestones.homeVisit },
    { step: 6, title: 'Record the 2nd observation', typed: observationTyped('2026-09-30'), done: (c: Case) => c.milestones.furtherObservation },
  ] as const;

  it.each(formSteps)('step $step: "$title" is the primary and saves its record in 2 clicks', async ({ step, title, typed, done }) => {
    const cw = await cardWorldWithCaseAt(step);
    const card = await caseCardOf(cw, 'worker', cw.caseId, title);
    if (step === 5) expect(othersInSight(card)).toContain('Check in to a visit');
    if (step === 6) expect(othersInSight(card)).toContain('Skip it, with a reason');
    expect(await doNextAction(cw, 'worker', card, typed)).toMatchObject({ clicks: 2 });
    expect(done(await caseOf(cw, cw.caseId))).toBeDefined();
    // Whole chronology and My cases stay reachable, in sight or under "More actions".
    expect(executeActions(card).map((a) => a.title)).toEqual(expect.arrayContaining(['Whole chronology', 'My cases']));
  });

  it('step 7: "Draft the contract" (2 clicks); the author then has no primary and is told whom to ask; the manager approves in 2 clicks', async () => {
    const cw = await cardWorldWithCaseAt(7);
    const silver = (await cw.world.deps.stores.purchases.find({ schoolId: cw.schoolId })).find((p) => p.packageCode === 'silver');
    const terms = { targets: 'Uses the calm space', support: 'Weekly 1:1', purchaseIds: silver?.id ?? '', startDate: '2026-10-05', reviewDate: '2026-12-10', namedApprovers: '' };
    const drafting = await caseCardOf(cw, 'worker', cw.caseId, 'Draft the contract');
    expect(await doNextAction(cw, 'worker', drafting, terms)).toMatchObject({ clicks: 2 });
    expect(await cw.world.deps.stores.contracts.find({ caseId: cw.caseId, status: 'awaiting-approval' })).toHaveLength(1);

    const author = (await cw.act('worker', 'case.open', { caseId: cw.caseId })).card;
    expect(primaries(author)).toEqual([]);
    expect(cardText(author)).toContain('The contract is waiting for approval');

    const approving = await caseCardOf(cw, 'manager', cw.caseId, 'Approve or request changes');
    expect(await doNextAction(cw, 'manager', approving)).toMatchObject({ clicks: 2 });
    expect((await caseOf(cw, cw.caseId)).contractInForce).toBeDefined();
  });

  it('step 7, a contract sent back: "Redraft the contract" is the primary', async () => {
    const cw = await cardWorldWithCaseAt(7);
    const { contract } = await cw.steps.contract(cw.caseId);
    await decideContract(cw.world.deps, await cw.world.staff(people.manager), { contractId: contract.id, decision: 'request-changes', reason: 'Make the target measurable.' });
    await caseCardOf(cw, 'worker', cw.caseId, 'Redraft the contract');
  });

  it('step 8: "Record a support session" (2 clicks) with "Parents told today" in sight, which records in 1', async () => {
    const cw = await buildCardWorld();
    const { caseId, contractId } = await cw.steps.toContractInForce();
    const card = await caseCardOf(cw, 'worker', caseId, 'Record a support session');
    expect(othersInSight(card)).toContain('Parents told today');
    expect(moreActions(card).map((a) => a.title)).toContain('Parents informed of the contract');
    const told = executeActions(card).find((a) => a.title === 'Parents told today');
    if (!told) throw new Error('no "Parents told today"');
    expect(cardText((await cw.act('worker', told.verb, told.data)).card)).toContain('Parents informed of contract version 1');
    expect((await cw.world.deps.stores.contracts.get(contractId))?.parentsInformedAt).toBeDefined();

    const session = { deliveredOn: '2026-10-06', hours: '1.5', withWhom: 'pupil', summary: 'Practised the calm space routine.' };
    expect(await doNextAction(cw, 'worker', card, session)).toMatchObject({ clicks: 2 });
    expect((await caseOf(cw, caseId)).milestones.supportStarted).toBeDefined();
    // Support runs on at step 8 until the review is due; a review held earlier is one click away.
    const after = await caseCardOf(cw, 'worker', caseId, 'Record a support session');
    expect(othersInSight(after)).toContain('Record the review');
    expect(executeActions(after).map((a) => a.title)).not.toContain('Parents told today');
  });

  it('step 9: "Record the review" with outcome End (2 clicks) closes the case in the same submit; the closed card has no primary', async () => {
    const cw = await buildCardWorld();
    const { caseId } = await cw.steps.toContractInForce();
    await cw.steps.support(caseId);
    cw.world.memory.clock.set('2026-11-23T15:00:00Z');
    const review = await caseCardOf(cw, 'worker', caseId, 'Record the review');
    const typed = { heldOn: '2026-11-23', outcome: 'end', summary: 'Targets met.', destination: 'mainstream' };
    expect(await doNextAction(cw, 'worker', review, typed)).toMatchObject({ clicks: 2 });
    expect((await caseOf(cw, caseId)).milestones.lastReview?.outcome).toBe('end');
    expect((await caseOf(cw, caseId)).status).toBe('closed');
    const closed = (await cw.act('worker', 'case.open', { caseId })).card;
    expect(primaries(closed)).toEqual([]);
    expect(cardText(closed)).toContain('The case is closed');
  });

  it('a review that ended but stopped before closing: "Complete and close the case" is the primary and closes it in 2 clicks', async () => {
    const cw = await buildCardWorld();
    const { caseId } = await cw.steps.toContractInForce();
    await cw.steps.support(caseId);
    await endReviewLeavingCaseOpen(cw.world, await cw.world.staff(people.worker), caseId);
    const closing = await caseCardOf(cw, 'worker', caseId, 'Complete and close the case');
    expect(await doNextAction(cw, 'worker', closing)).toMatchObject({ clicks: 2 });
    expect((await caseOf(cw, caseId)).status).toBe('closed');
  });

  it('a paused case: the manager\'s primary is "Resume the case"; the worker has none and is told what it waits for', async () => {
    const cw = await buildCardWorld();
    const { caseId } = await cw.steps.toContractInForce();
    cw.world.memory.clock.set('2026-10-07T09:00:00Z');
    const pause = await cw.act('manager', 'pause.open', { caseId });
    await cw.act('manager', 'pause.submit', { ...actionOf(pause.card, 'pause.submit').data, reason: 'Pupil in hospital for a week.' });
    await caseCardOf(cw, 'manager', caseId, 'Resume the case');
    const worker = (await cw.act('worker', 'case.open', { caseId })).card;
    expect(primaries(worker)).toEqual([]);
    expect(cardText(worker)).toContain('The case is paused: a manager can resume it.');
  });
});

describe('one-click actions record once', () => {
  it('"Information returned today" pressed twice records once and answers "Already recorded at HH:mm by you"', async () => {
    const cw = await cardWorldWithCaseAt(2);
    await cw.steps.allocate(cw.caseId);
    const card = (await cw.act('admin', 'case.open', { caseId: cw.caseId })).card;
    const today = actionOf(card, 'information-returned.submit');
    expect(today.title).toBe('Information returned today');
    expect(today.data).not.toHaveProperty('returnedOn');
    const first = await cw.act('admin', today.verb, today.data);
    expect(first.followUp).toBeDefined();
    const again = await cw.act('admin', today.verb, today.data);
    expect(cardText(again.card)).toMatch(/Already recorded at \d{2}:\d{2} by you/);
    expect(again.followUp).toBeUndefined();
    expect((await cw.world.deps.stores.records.find({ caseId: cw.caseId })).filter((r) => r.body.kind === 'information-returned')).toHaveLength(1);
  });

  it('the information form with its date emptied is still refused naming the date', async () => {
    const cw = await cardWorldWithCaseAt(2);
    const form = await cw.act('admin', 'information-returned.open', { caseId: cw.caseId });
    const again = await cw.act('admin', 'information-returned.submit', { ...actionOf(form.card, 'information-returned.submit').data, returnedOn: '', formReturned: 'true', pdpReturned: 'true', notes: '' });
    expect(cardText(again.card)).toContain('returnedOn');
    expect(await cw.world.deps.stores.records.find({ caseId: cw.caseId })).toHaveLength(0);
  });

  it('"Parents told today" pressed twice records once', async () => {
    const cw = await buildCardWorld();
    const { caseId, contractId } = await cw.steps.toContractInForce();
    const told = actionOf((await cw.act('worker', 'case.open', { caseId })).card, 'parents-informed.submit');
    expect(told.data).toMatchObject({ caseId, contractId });
    await cw.act('worker', told.verb, told.data);
    const stamp = (await cw.world.deps.stores.contracts.get(contractId))?.parentsInformedAt;
    const again = await cw.act('worker', told.verb, told.data);
    expect(cardText(again.card)).toMatch(/Already recorded at \d{2}:\d{2} by you/);
    expect((await cw.world.deps.stores.contracts.get(contractId))?.parentsInformedAt).toBe(stamp);
  });
});

describe('"Parents told today" on the approved contract\'s notice', () => {
  it('the author\'s "Your contract has been decided" notice has it as its primary, beside "Open the case"; it records the parents told', async () => {
    const cw = await cardWorldWithCaseAt(7);
    const { contract } = await cw.steps.contract(cw.caseId);
    await cw.steps.approve(contract.id);
    const sent = cw.world.memory.notifier.sent.find((n) => n.kind === 'contract-decided' && n.recipientId === people.worker);
    if (!sent) throw new Error('no decision notice');
    const { card } = await notificationMessage(cw.world.deps, sent);
    expect(cardText(card)).toContain('Your contract has been decided');
    expect(allCardProblems(card)).toEqual([]);
    expect(primaries(card).map((a) => a.title)).toEqual(['Parents told today']);
    expect(topActions(card).map((a) => a.title)).toEqual(['Parents told today', 'The review meeting', 'Open the case']);

    // "Open the case" keeps the notice, with its button, and posts the case.
    const opened = await cw.act('worker', 'case.open', actionOf(card, 'case.open').data);
    expect(primaries(opened.card).map((a) => a.title)).toEqual(['Parents told today']);

    const [told] = primaries(card);
    const done = await cw.act('worker', told?.verb ?? '', told?.data ?? {});
    expect(cardText(done.card)).toContain('Parents informed of contract version 1');
    expect((await cw.world.deps.stores.contracts.get(contract.id))?.parentsInformedAt).toBeDefined();
    const again = await cw.act('worker', told?.verb ?? '', told?.data ?? {});
    expect(cardText(again.card)).toMatch(/Already recorded at \d{2}:\d{2} by you/);
  });

  it('a contract sent back for changes: the notice has only "Open the case"', async () => {
    const cw = await cardWorldWithCaseAt(7);
    const { contract } = await cw.steps.contract(cw.caseId);
    await decideContract(cw.world.deps, await cw.world.staff(people.manager), { contractId: contract.id, decision: 'request-changes', reason: 'Make the target measurable.' });
    const sent = cw.world.memory.notifier.sent.find((n) => n.kind === 'contract-decided');
    if (!sent) throw new Error('no decision notice');
    const { card } = await notificationMessage(cw.world.deps, sent);
    expect(topActions(card).map((a) => a.title)).toEqual(['Open the case']);
  });
});

describe('booking the step\'s meeting (issue 13)', () => {
  it('step 4: "Book the initial school meeting" sits beside the primary; booking costs 2 clicks (open, pick a time)', async () => {
    const cw = await cardWorldWithCaseAt(4);
    const card = await caseCardOf(cw, 'worker', cw.caseId, 'Record the school meeting');
    expect(othersInSight(card)).toContain('Book the initial school meeting');
    const book = topActions(card).find((a) => a.title === 'Book the initial school meeting');
    const slots = await cw.act('worker', book?.verb ?? '', book?.data ?? {});
    const [time] = executeActions(slots.card).filter((a) => a.verb === 'meeting-book.submit');
    if (!time) throw new Error('no time offered');
    const booked = await cw.act('worker', time.verb, time.data);
    expect(cardText(booked.card)).toContain('Initial school meeting booked');
    expect(cw.world.memory.calendar.events).toHaveLength(1);
    // The case card then shows it, and still one primary with at most three beside it.
    const after = await caseCardOf(cw, 'worker', cw.caseId, 'Record the school meeting');
    expect(othersInSight(after)).toContain('View the initial school meeting');
  });
});

describe('consent pending', () => {
  it('"Consent needed before any direct work" while consent is not given; "Record consent" in sight from step 5, the primary where it blocks support', async () => {
    const cw = await buildCardWorld();
    const { caseId } = await cw.steps.toContractInForce();
    const given = (await cw.act('worker', 'case.open', { caseId })).card;
    expect(cardText(given)).not.toContain('Consent needed before any direct work');

    const form = await cw.act('worker', 'consent.open', { caseId });
    await cw.act('worker', 'consent.submit', { ...actionOf(form.card, 'consent.submit').data, consent: 'pending' });
    const blocked = await caseCardOf(cw, 'worker', caseId, 'Record consent');
    expect(cardText(blocked)).toContain('Consent needed before any direct work');
    expect(executeActions(blocked).map((a) => a.verb)).not.toContain('support-session.open');
    expect(await doNextAction(cw, 'worker', blocked, { consent: 'given' })).toMatchObject({ clicks: 2 });
    await caseCardOf(cw, 'worker', caseId, 'Record a support session');
  });

  it('at step 5 with consent pending, "Record consent" is in sight beside the home visit; before step 5 it stays under "More actions"', async () => {
    const cw = await buildCardWorld();
    const opened = await cw.steps.refer('100001', { consent: 'pending' });
    const caseId = opened.case.id;
    await cw.steps.allocate(caseId);
    await cw.steps.informationReturned(caseId);
    const early = await caseCardOf(cw, 'worker', caseId, 'Record the observation');
    expect(cardText(early)).toContain('Consent needed before any direct work');
    expect(othersInSight(early)).not.toContain('Record consent');
    expect(moreActions(early).map((a) => a.title)).toContain('Parental consent');
    await cw.steps.observe(caseId);
    await cw.steps.schoolMeeting(caseId);
    const card = await caseCardOf(cw, 'worker', caseId, 'Record the home visit or call');
    expect(othersInSight(card)).toEqual(expect.arrayContaining(['Check in to a visit', 'Record consent']));
  });
});
