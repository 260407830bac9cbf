/**
 * Issue 13, the cards: the step that needs a meeting offers three readable times, "Book the first
 * for me" and another time; a click books once (same request key, same event); the booked card
 * says when, where, the Teams link (or that it is pending), who was invited and whom to phone, and
 * moves or cancels the same event; the case card then shows the next meeting.
 */
import { notificationMessage, type AdaptiveCardJson } from '../../bot/cards';
import type { Notification } from '../../workflow';
import { people } from '../support/world';
import { allCardProblems } from './cardChecks';
import { actionOf, buildCardWorld, cardText, cardWorldWithCaseAt, executeActions, inputIds, type FoundAction } from './cardWorld';

jest.setTimeout(60_000);

type CardWorld = Awaited<ReturnType<typeof cardWorldWithCaseAt>>;

/** "Tue 15 Sep 2026, 08:45–09:45". */
const readableSlot = /^(Mon|Tue|Wed|Thu|Fri) \d{1,2} [A-Z][a-z]{2} 2026, \d{2}:\d{2}–\d{2}:\d{2}$/;

const slotButtons = (card: AdaptiveCardJson | undefined, verb = 'meeting-book.submit'): FoundAction[] =>
  executeActions(card).filter((a) => a.verb === verb && readableSlot.test(a.title));

const topTitles = (card: AdaptiveCardJson | undefined): string[] => ((card?.actions ?? []) as { title: string }[]).map((a) => a.title);

const openUrls = (card: AdaptiveCardJson | undefined): { title: string; url: string }[] =>
  ((card?.actions ?? []) as { type: string; title: string; url: string }[]).filter((a) => a.type === 'Action.OpenUrl');

/** From the case card, "Book <the meeting>" (the button's title): the slot card. */
async function slotCardFrom(cw: CardWorld, title: string, who: 'worker' | 'manager' = 'worker') {
  const caseCard = (await cw.act(who, 'case.open', { caseId: cw.caseId })).card;
  const book = executeActions(caseCard).find((a) => a.title === title);
  if (!book) throw new Error(`no "${title}" on the case card: ${executeActions(caseCard).map((a) => a.title).join(', ')}`);
  return { caseCard, book, slots: (await cw.act(who, book.verb, book.data)).card };
}

const press = (cw: CardWorld, action: FoundAction, typed: Record<string, string> = {}) => cw.act('worker', action.verb, { ...action.data, ...typed });

describe('booking the initial school meeting from the case card (step 4)', () => {
  it('offers three readable times, each carrying the case, kind, time, child and one request key; who is invited', async () => {
    const cw = await cardWorldWithCaseAt(4);
    const { book, slots } = await slotCardFrom(cw, 'Book the initial school meeting');
    expect(book.verb).toBe('meeting-book.open');
    const times = slotButtons(slots);
    expect(times.map((a) => a.title)).toEqual(['Tue 15 Sep 2026, 08:45–09:45', 'Wed 16 Sep 2026, 08:45–09:45', 'Thu 17 Sep 2026, 08:45–09:45']);
    const [first] = times;
    expect(first?.data).toEqual({ caseId: cw.caseId, kind: 'school-meeting', childId: expect.any(String), requestKey: expect.any(String), start: '2026-09-15T07:45:00.000Z', end: '2026-09-15T08:45:00.000Z' });
    expect(new Set(executeActions(slots).filter((a) => a.verb === 'meeting-book.submit').map((a) => a.data.requestKey)).size).toBe(1);
    expect(actionOf(slots, 'meeting-book.submit').title).toBe(times[0]?.title);
    expect(topTitles(slots)).toEqual(['Book the first for me', 'Another time', 'Back to the case']);
    expect(inputIds(slots)).toEqual(['alsoInvite', 'onDate', 'atTime']);
    expect(cardText(slots)).toContain('Invited: Sam Wren (SENCo)');
  });

  it('invites named school staff besides the SENCo; an address that is not one shows the times again, naming it', async () => {
    const cw = await cardWorldWithCaseAt(4);
    const { slots } = await slotCardFrom(cw, 'Book the initial school meeting');
    const [first] = slotButtons(slots);
    if (!first) throw new Error('no time');
    const refused = await press(cw, first, { alsoInvite: 'class teacher' });
    expect(cardText(refused.card)).toContain('"Also invite" takes e-mail addresses, one per line.');
    expect(cw.world.memory.calendar.events).toHaveLength(0);
    const booked = await press(cw, first, { alsoInvite: 'teacher@alderbrookprim.sch.example.org\n senco@alderbrookprim.sch.example.org ' });
    expect(cw.world.memory.calendar.events[0]?.attendees).toEqual([
      { email: 'senco@alderbrookprim.sch.example.org', name: 'Sam Wren' },
      { email: 'teacher@alderbrookprim.sch.example.org' },
    ]);
    expect(cardText(booked.card)).toContain('teacher@alderbrookprim.sch.example.org (school staff)');
  });

  it('a click books it (2 clicks from the case card); the booked card says when, where, the link and who; the case card shows the next meeting', async () => {
    const cw = await cardWorldWithCaseAt(4);
    const { slots } = await slotCardFrom(cw, 'Book the initial school meeting');
    const second = slotButtons(slots)[1];
    if (!second) throw new Error('no second time');
    const booked = await press(cw, second);
    expect(cw.world.memory.calendar.events).toHaveLength(1);
    expect(cw.world.memory.calendar.events[0]).toMatchObject({ organiserId: people.worker, start: new Date('2026-09-16T07:45:00Z') });
    const text = cardText(booked.card);
    expect(text).toContain('Initial school meeting booked');
    expect(text).toContain('Wed 16 Sep 2026, 08:45–09:45');
    expect(text).toContain('Alderbrook Primary School');
    expect(text).toContain('Sam Wren (SENCo)');
    expect(text).not.toContain('Teams link pending');
    expect(openUrls(booked.card)).toEqual([{ type: 'Action.OpenUrl', title: 'Join the Teams meeting', url: cw.world.memory.calendar.events[0]?.joinUrl }]);
    expect(topTitles(booked.card)).toEqual(['Join the Teams meeting', 'Reschedule', 'Cancel', 'Back to the case']);

    const followUp = cardText(booked.followUp);
    expect(followUp).toContain('Next meeting');
    expect(followUp).toContain('Initial school meeting, Wed 16 Sep 2026, 08:45–09:45');
    expect(executeActions(booked.followUp).map((a) => a.title)).toContain('View the initial school meeting');
    expect(executeActions(booked.followUp).map((a) => a.title)).not.toContain('Book the initial school meeting');
    const viewed = await press(cw, executeActions(booked.followUp).find((a) => a.title === 'View the initial school meeting') as FoundAction);
    expect(cardText(viewed.card)).toContain('Wed 16 Sep 2026, 08:45–09:45');
  });

  it('a double click (or a second time pressed on the same card) books once and says it was already booked', async () => {
    const cw = await cardWorldWithCaseAt(4);
    const { slots } = await slotCardFrom(cw, 'Book the initial school meeting');
    const [first, second] = slotButtons(slots);
    if (!first || !second) throw new Error('no times');
    const once = await press(cw, first);
    const twice = await press(cw, first);
    const other = await press(cw, second);
    expect(cw.world.memory.calendar.events).toHaveLength(1);
    expect(await cw.world.deps.stores.meetings.find({ caseId: cw.caseId })).toHaveLength(1);
    expect(once.followUp).toBeDefined();
    for (const again of [twice, other]) {
      expect(cardText(again.card)).toMatch(/Already booked at \d{2}:\d{2} by you/);
      expect(cardText(again.card)).toContain('Tue 15 Sep 2026, 08:45–09:45');
      expect(again.followUp).toBeUndefined();
    }
  });

  it('"Book the first for me" books the first time', async () => {
    const cw = await cardWorldWithCaseAt(4);
    const { slots } = await slotCardFrom(cw, 'Book the initial school meeting');
    const first = executeActions(slots).find((a) => a.title === 'Book the first for me') as FoundAction;
    expect(cardText((await press(cw, first)).card)).toContain('Tue 15 Sep 2026, 08:45–09:45');
  });

  it('another time outside school hours shows the card again naming the problem; inside them it books, for the usual length', async () => {
    const cw = await cardWorldWithCaseAt(4);
    const { slots } = await slotCardFrom(cw, 'Book the initial school meeting');
    const another = executeActions(slots).find((a) => a.title === 'Book this time') as FoundAction;
    const late = await press(cw, another, { onDate: '2026-09-16', atTime: '17:00' });
    expect(cardText(late.card)).toContain('school hours, 08:45 to 15:15');
    expect(slotButtons(late.card)).toHaveLength(3);
    expect(late.followUp).toBeUndefined();
    const blank = await press(cw, another, { onDate: '', atTime: '' });
    expect(cardText(blank.card)).toContain('Give the date and the start time');
    expect(cw.world.memory.calendar.events).toHaveLength(0);
    const fine = await press(cw, another, { onDate: '2026-09-16', atTime: '13:30' });
    expect(cardText(fine.card)).toContain('Wed 16 Sep 2026, 13:30–14:30');
    expect(cw.world.memory.calendar.events).toHaveLength(1);
  });
});

describe('a full diary', () => {
  it('says nothing is free by the end of the window and offers the next free times', async () => {
    const cw = await cardWorldWithCaseAt(4);
    const worker = await cw.world.staff(people.worker);
    cw.world.memory.calendar.busy.set(worker.email, [{ start: new Date('2026-09-14T00:00:00Z'), end: new Date('2026-09-29T00:00:00Z') }]);
    const { slots } = await slotCardFrom(cw, 'Book the initial school meeting');
    expect(cardText(slots)).toMatch(/Nothing is free by (Mon|Tue|Wed|Thu|Fri) \d{1,2} Sep 2026; these are the next free times\./);
    const times = slotButtons(slots);
    expect(times).toHaveLength(3);
    expect(times.every((a) => (a.data.start ?? '') >= '2026-09-29')).toBe(true);
  });
});

describe('the booked meeting: reschedule, cancel, link pending', () => {
  async function bookedAt4() {
    const cw = await cardWorldWithCaseAt(4);
    const { slots } = await slotCardFrom(cw, 'Book the initial school meeting');
    const booked = await press(cw, slotButtons(slots)[0] as FoundAction);
    return { cw, booked };
  }

  it('reschedule moves the same event and shows the new time ("moved")', async () => {
    const { cw, booked } = await bookedAt4();
    const move = await press(cw, actionOf(booked.card, 'meeting-move.open'));
    expect(cardText(move.card)).toContain('Move the initial school meeting');
    expect(cardText(move.card)).toContain('Now: Tue 15 Sep 2026, 08:45–09:45');
    const another = executeActions(move.card).find((a) => a.title === 'Move to this time') as FoundAction;
    const moved = await press(cw, another, { onDate: '2026-09-18', atTime: '11:00' });
    expect(cardText(moved.card)).toContain('Initial school meeting moved');
    expect(cardText(moved.card)).toContain('Fri 18 Sep 2026, 11:00–12:00');
    expect(cw.world.memory.calendar.events).toHaveLength(1);
    expect(cw.world.memory.calendar.events[0]).toMatchObject({ moves: 1, start: new Date('2026-09-18T10:00:00Z') });
    expect(cardText(moved.followUp)).toContain('Initial school meeting, Fri 18 Sep 2026, 11:00–12:00');
    const again = await press(cw, another, { onDate: '2026-09-18', atTime: '11:00' });
    expect(cardText(again.card)).toMatch(/Already moved at/);
    expect(cw.world.memory.calendar.events[0]?.moves).toBe(1);
    const outside = await press(cw, another, { onDate: '2026-09-19', atTime: '11:00' });
    expect(cardText(outside.card)).toContain('closed on Sat 19 Sep 2026');
  });

  it('cancel asks why, cancels the event with it, and leaves only "Back to the case"; the case offers to book again', async () => {
    const { cw, booked } = await bookedAt4();
    const form = await press(cw, actionOf(booked.card, 'meeting-cancel.open'));
    expect(inputIds(form.card)).toEqual(['reason']);
    const submit = actionOf(form.card, 'meeting-cancel.submit');
    const blank = await press(cw, submit, { reason: '' });
    expect(inputIds(blank.card)).toEqual(['reason']);
    expect(cw.world.memory.calendar.events[0]?.cancelled).toBeUndefined();
    const done = await press(cw, submit, { reason: 'The SENCo is on a course that day.' });
    const text = cardText(done.card);
    expect(text).toContain('Initial school meeting cancelled');
    expect(text).toContain('The SENCo is on a course that day.');
    expect(topTitles(done.card)).toEqual(['Back to the case']);
    expect(cw.world.memory.calendar.events[0]?.cancelled).toEqual({ comment: 'The SENCo is on a course that day.' });
    expect(executeActions(done.followUp).map((a) => a.title)).toContain('Book the initial school meeting');
    expect(cardText(done.followUp)).not.toContain('Next meeting');
    expect(cardText((await press(cw, submit, { reason: 'Again' })).card)).toMatch(/Already cancelled at/);
  });

  it('a Teams link not given yet shows "Teams link pending", and the link once it comes (read again when the card is opened)', async () => {
    const cw = await cardWorldWithCaseAt(4);
    cw.world.memory.calendar.withoutTeams.add(people.worker);
    const { slots } = await slotCardFrom(cw, 'Book the initial school meeting');
    const booked = await press(cw, slotButtons(slots)[0] as FoundAction);
    expect(cardText(booked.card)).toContain('Teams link pending');
    expect(openUrls(booked.card)).toEqual([]);
    expect(cardText(booked.followUp)).toContain('Initial school meeting, Tue 15 Sep 2026, 08:45–09:45 (Teams link pending)');
    const event = cw.world.memory.calendar.events[0];
    if (!event) throw new Error('no event');
    event.joinUrl = 'https://teams.example/l/meetup-join/late';
    const viewed = await press(cw, executeActions(booked.followUp).find((a) => a.verb === 'meeting.view') as FoundAction);
    expect(cardText(viewed.card)).not.toContain('Teams link pending');
    expect(openUrls(viewed.card).map((a) => a.url)).toEqual(['https://teams.example/l/meetup-join/late']);
  });
});

describe('the visit or call with the parents (step 5)', () => {
  it('offers both; a parent with no e-mail is to be phoned, with the number, language and interpreter need', async () => {
    const cw = await cardWorldWithCaseAt(5);
    const c = await cw.world.deps.stores.cases.get(cw.caseId);
    const child = await cw.world.deps.stores.children.get(c?.childId ?? '');
    if (!child) throw new Error('no child');
    await cw.world.deps.stores.children.update(child.id, { parents: child.parents.map((p) => ({ ...p, language: 'Polish', interpreterNeeded: true })) }, child.etag);
    const caseCard = (await cw.act('worker', 'case.open', { caseId: cw.caseId })).card;
    expect(executeActions(caseCard).map((a) => a.title)).toEqual(expect.arrayContaining(['Book the home visit', 'Book the Teams call with parents']));
    const { slots } = await slotCardFrom(cw, 'Book the Teams call with parents');
    expect(cardText(slots)).toContain('Nobody is invited by e-mail.');
    expect(cardText(slots)).toContain('Casey Testfield (mother): 01632 960999, speaks Polish, interpreter needed');
    const booked = await press(cw, slotButtons(slots)[0] as FoundAction);
    const text = cardText(booked.card);
    expect(text).toContain('Teams call with parents booked');
    expect(text).toContain('Phone instead');
    expect(text).toContain('Casey Testfield (mother): 01632 960999, speaks Polish, interpreter needed');
    // One of the two booked, the other is no longer offered beside the primary.
    const titles = executeActions(booked.followUp).map((a) => a.title);
    expect(titles).toContain('View the Teams call with parents');
    expect(titles).not.toContain('Book the home visit');
    // Viewed later, the card says the same.
    expect(cardText((await press(cw, actionOf(booked.followUp, 'meeting.view'))).card)).toContain('Casey Testfield (mother): 01632 960999, speaks Polish, interpreter needed');
  });
});

describe('"Book a meeting" at any step, the kind first', () => {
  it('from "More actions": which meeting, then its times', async () => {
    const cw = await cardWorldWithCaseAt(3);
    const { slots: kinds } = await slotCardFrom(cw, 'Book a meeting');
    expect(executeActions(kinds).filter((a) => a.verb === 'meeting-book.open').map((a) => a.title)).toEqual([
      'Initial school meeting', 'Home visit', 'Teams call with parents', 'Contract meeting', 'Review meeting',
    ]);
    const review = executeActions(kinds).find((a) => a.title === 'Contract meeting') as FoundAction;
    const slots = (await press(cw, review)).card;
    expect(cardText(slots)).toContain('Book the contract meeting');
    expect(slotButtons(slots).length).toBeGreaterThan(0);
  });
});

describe('the record form of a meeting held is prefilled from the booked meeting, once its time has come', () => {
  it('meeting record: date and attendees after the start; the usual defaults before', async () => {
    const cw = await cardWorldWithCaseAt(4);
    const { slots } = await slotCardFrom(cw, 'Book the initial school meeting');
    await press(cw, slotButtons(slots)[0] as FoundAction);
    const before = (await cw.act('worker', 'meeting.open', { caseId: cw.caseId })).card;
    expect(actionOf(before, 'meeting.submit')).toBeDefined();
    expect(JSON.stringify(before)).not.toContain('Sam Wren (SENCo)');
    cw.world.memory.clock.set('2026-09-15T11:00:00Z');
    const after = (await cw.act('worker', 'meeting.open', { caseId: cw.caseId })).card;
    const shown = JSON.stringify(after);
    expect(shown).toContain('"value":"2026-09-15"');
    expect(shown).toContain('Sam Wren (SENCo)');
    expect(shown).toContain('"value":"initial-school"');
  });

  it('home visit form: a Teams call booked makes the mode "Teams call", its date and the parents', async () => {
    const cw = await cardWorldWithCaseAt(5);
    const { slots } = await slotCardFrom(cw, 'Book the Teams call with parents');
    const first = slotButtons(slots)[0] as FoundAction;
    await press(cw, first);
    cw.world.memory.clock.set(new Date(new Date(first.data.end ?? '').getTime() + 3_600_000).toISOString());
    const form = JSON.stringify((await cw.act('worker', 'home-visit.open', { caseId: cw.caseId })).card);
    expect(form).toContain('"value":"teams-call"');
    expect(form).toContain(`"value":"${(first.data.start ?? '').slice(0, 10)}"`);
    expect(form).toContain('Casey Testfield (mother)');
  });
});

describe('the review form takes its held date from the review meeting booked', () => {
  it('after the meeting started: its date; before: the usual default', async () => {
    const cw = await buildCardWorld();
    const { caseId } = await cw.steps.toContractInForce('100002');
    await cw.steps.support(caseId);
    cw.world.memory.clock.set('2026-10-06T09:00:00Z');
    // The approval booked the review on the agreed date; it is moved to 8 Oct.
    const [review] = (await cw.world.deps.stores.meetings.find({ caseId })).filter((m) => m.kind === 'review');
    if (!review) throw new Error('the approval booked no review');
    const moved = await cw.act('worker', 'meeting-move.submit', { caseId, meetingId: review.id, kind: 'review', requestKey: 'review-key-0001', onDate: '2026-10-08', atTime: '11:00' });
    expect(cardText(moved.card)).toContain('Review meeting moved');
    const heldOn = async () => JSON.stringify((await cw.act('worker', 'review.open', { caseId })).card).match(/"id":"heldOn"[^}]*"value":"([0-9-]+)"/)?.[1];
    expect(await heldOn()).toBe('2026-10-06');
    cw.world.memory.clock.set('2026-10-09T09:00:00Z');
    expect(await heldOn()).toBe('2026-10-08');
  });
});

describe('notices offer the times and open the meeting booked', () => {
  it('allocation: three times that book in one click (once), "Other times"; the notice keeps them after "Open the case"', async () => {
    const cw = await cardWorldWithCaseAt(4);
    const c = await cw.world.deps.stores.cases.get(cw.caseId);
    if (!c) throw new Error('no case');
    const notification: Notification = {
      kind: 'case-allocated', recipientId: people.worker, caseId: c.id, caseReference: c.reference, summary: `Case ${c.reference} has been allocated to you.`, key: `allocated:${c.id}`,
      offer: { kind: 'school-meeting', childId: c.childId, slots: [
        { start: '2026-09-15T07:45:00.000Z', end: '2026-09-15T08:45:00.000Z' },
        { start: '2026-09-16T07:45:00.000Z', end: '2026-09-16T08:45:00.000Z' },
        { start: '2026-09-17T07:45:00.000Z', end: '2026-09-17T08:45:00.000Z' },
      ] },
    };
    const notice = (await notificationMessage(cw.world.deps, notification)).card;
    expect(allCardProblems(notice)).toEqual([]);
    expect(slotButtons(notice).map((a) => a.title)).toEqual(['Tue 15 Sep 2026, 08:45–09:45', 'Wed 16 Sep 2026, 08:45–09:45', 'Thu 17 Sep 2026, 08:45–09:45']);
    expect(topTitles(notice)).toEqual(['Other times', 'Open the case']);
    const reopened = await press(cw, actionOf(notice, 'case.open'));
    expect(reopened.card).toEqual(notice);
    const other = await press(cw, actionOf(notice, 'meeting-book.open'));
    expect(slotButtons(other.card)).toHaveLength(3);
    const [first] = slotButtons(notice);
    await press(cw, first as FoundAction);
    const again = await press(cw, first as FoundAction);
    expect(cardText(again.card)).toMatch(/Already booked/);
    expect(cw.world.memory.calendar.events).toHaveLength(1);
  });

  it('approval: "The review meeting" opens the meeting booked', async () => {
    const cw = await cardWorldWithCaseAt(4);
    const { slots } = await slotCardFrom(cw, 'Book the initial school meeting');
    await press(cw, slotButtons(slots)[0] as FoundAction);
    const [meeting] = await cw.world.deps.stores.meetings.find({ caseId: cw.caseId });
    const c = await cw.world.deps.stores.cases.get(cw.caseId);
    const notification: Notification = {
      kind: 'contract-decided', recipientId: people.worker, caseId: cw.caseId, caseReference: c?.reference ?? '', summary: 'The contract was approved.', key: 'decided:1', meetingId: meeting?.id ?? '',
    };
    const notice = (await notificationMessage(cw.world.deps, notification)).card;
    expect(allCardProblems(notice)).toEqual([]);
    const open = executeActions(notice).find((a) => a.title === 'The review meeting') as FoundAction;
    expect(open.verb).toBe('meeting.view');
    expect(cardText((await press(cw, open)).card)).toContain('Initial school meeting booked');
    expect((await press(cw, actionOf(notice, 'case.open'))).card).toEqual(notice);
  });
});
