import { alertIfCheckOutMissed } from '../../workflow';
import { plannedEndAfter, plannedInstant } from '../../bot/cards/forms/checkInForm';
import { childDetails } from '../support/caseSteps';
import { actionOf, buildCardWorld, cardText, cardWorldWithCaseAt, executeActions, inputIds } from './cardWorld';

type CardWorld = Awaited<ReturnType<typeof buildCardWorld>>;

/** A case allocated to the worker, brought to `step` (3 to 7) through the use cases. */
const caseAtStep = (step: 3 | 4 | 5 | 6 | 7) => cardWorldWithCaseAt(step);

/** Opens the form and returns its submit action (data: caseId, requestKey, openedAtStep, carried data). */
async function submitOf(cw: CardWorld, form: string, data: Record<string, string>) {
  const { card } = await cw.act('worker', `${form}.open`, data);
  return { form: card, submit: actionOf(card, `${form}.submit`) };
}

async function recordsOf(cw: CardWorld, caseId: string, kind: string) {
  return (await cw.world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === kind);
}

const schoolMeeting = {
  purpose: 'initial-school',
  heldOn: '2026-09-23',
  attendees: 'Mrs Quennell (SENCo)\nMr Ashdown (class teacher)',
  notes: 'Went through the information form and the PDP together.',
  agreedSupport: 'Weekly 1:1 sessions and modelling for the class TA.',
  expectations: 'School keeps the visual timetable going every day.',
};

const homeVisit = { mode: 'teams-call', heldOn: '2026-09-25', attendees: 'Casey Testfield (mother)', notes: 'Parent supportive; prefers calls after 4pm.' };

const skip = { reason: 'The first observation covered transitions and unstructured time; the school and parent agree no more is needed.' };

describe('meeting cards', () => {
  it('the case card offers the school meeting at step 4', async () => {
    const { act, caseId } = await caseAtStep(4);
    const { card } = await act('worker', 'case.open', { caseId });
    expect(cardText(card)).toContain('Step 4 of 10');
    expect(actionOf(card, 'meeting.open').data).toEqual({ caseId });
  });

  it('a meeting record is offered at any other step too (step 10: any meeting attended), once on the card', async () => {
    for (const step of [3, 4, 6, 7] as const) {
      const { act, caseId } = await caseAtStep(step);
      const { card } = await act('worker', 'case.open', { caseId });
      const offers = executeActions(card).filter((a) => a.verb === 'meeting.open');
      expect({ step, offers: offers.length }).toEqual({ step, offers: 1 });
      expect(offers[0]?.data).toEqual({ caseId });
    }
  });

  it('records the initial school meeting and answers with what was recorded, by whom, with no live buttons', async () => {
    const cw = await caseAtStep(4);
    const { form, submit } = await submitOf(cw, 'meeting', { caseId: cw.caseId });
    expect(inputIds(form)).toEqual(['purpose', 'heldOn', 'attendees', 'notes', 'agreedSupport', 'expectations']);
    expect(cardText(form)).toContain('Who attended (one per line)');
    expect(JSON.stringify(form)).toContain('"value":"initial-school"');
    const done = await cw.act('worker', 'meeting.submit', { ...submit.data, ...schoolMeeting });
    const text = cardText(done.card);
    expect(text).toContain('Meeting recorded (step 4)');
    expect(text).toContain('Initial meeting with school');
    expect(text).toContain('Mrs Quennell (SENCo), Mr Ashdown (class teacher)');
    expect(text).toContain('Weekly 1:1 sessions');
    expect(text).toContain('School keeps the visual timetable');
    expect(text).toContain('Recorded by Harriet Lunde');
    expect(executeActions(done.card)).toEqual([]);
    expect(cardText(done.followUp)).toContain('Step 5 of 10');
    expect(actionOf(done.followUp, 'home-visit.open').data.caseId).toBe(cw.caseId);
    const [record] = await recordsOf(cw, cw.caseId, 'meeting');
    expect(record?.body).toMatchObject({ attendees: ['Mrs Quennell (SENCo)', 'Mr Ashdown (class teacher)'], purpose: 'initial-school' });
  });

  it('a double click records the meeting once and says so', async () => {
    const cw = await caseAtStep(4);
    const { submit } = await submitOf(cw, 'meeting', { caseId: cw.caseId });
    const first = await cw.act('worker', 'meeting.submit', { ...submit.data, ...schoolMeeting });
    const second = await cw.act('worker', 'meeting.submit', { ...submit.data, ...schoolMeeting });
    expect(cardText(first.card)).not.toContain('nothing was written twice');
    expect(cardText(second.card)).toContain('nothing was written twice');
    expect(cardText(second.card)).toContain('Recorded by Harriet Lunde');
    expect(await recordsOf(cw, cw.caseId, 'meeting')).toHaveLength(1);
  });

  it('the school meeting before the initial observation is refused naming the Order rule, with the form again', async () => {
    const cw = await caseAtStep(3);
    const { submit } = await submitOf(cw, 'meeting', { caseId: cw.caseId });
    const again = await cw.act('worker', 'meeting.submit', { ...submit.data, ...schoolMeeting });
    expect(cardText(again.card)).toContain('Rule: Order');
    expect(cardText(again.card)).toContain('step 4 (Initial meeting with school) can be recorded only after step 3');
    expect(actionOf(again.card, 'meeting.submit').data.requestKey).toBe(submit.data.requestKey);
    expect(cardText(again.card)).toContain('Went through the information form');
    expect(await recordsOf(cw, cw.caseId, 'meeting')).toHaveLength(0);
  });

  it('a missing field shows the form again naming it, with what was typed', async () => {
    const cw = await caseAtStep(4);
    const { submit } = await submitOf(cw, 'meeting', { caseId: cw.caseId });
    const noNotes = await cw.act('worker', 'meeting.submit', { ...submit.data, ...schoolMeeting, notes: '  ' });
    expect(cardText(noNotes.card)).toContain('Check: notes');
    expect(cardText(noNotes.card)).toContain('Mrs Quennell (SENCo)');
    const noOne = await cw.act('worker', 'meeting.submit', { ...submit.data, ...schoolMeeting, attendees: '' });
    expect(cardText(noOne.card)).toContain('attendees: list who attended');
    expect(actionOf(noOne.card, 'meeting.submit').data.requestKey).toBe(submit.data.requestKey);
    expect(await recordsOf(cw, cw.caseId, 'meeting')).toHaveLength(0);
  });

  it('a second initial school meeting from a fresh form records nothing new and says so', async () => {
    const cw = await caseAtStep(5);
    const { submit } = await submitOf(cw, 'meeting', { caseId: cw.caseId });
    const again = await cw.act('worker', 'meeting.submit', { ...submit.data, ...schoolMeeting });
    expect(cardText(again.card)).toContain('Nothing new was recorded');
    expect(cardText(again.card)).toContain('This was already recorded on');
    expect(executeActions(again.card)).toEqual([]);
    expect(await recordsOf(cw, cw.caseId, 'meeting')).toHaveLength(1);
  });

  it('after the school meeting the form is for any other meeting (no step of the walk), which does not need the steps before', async () => {
    const cw = await caseAtStep(5);
    const { form, submit } = await submitOf(cw, 'meeting', { caseId: cw.caseId });
    expect(JSON.stringify(form)).toContain('"id":"purpose","label":"Purpose of the meeting","style":"compact","isRequired":true,"errorMessage":"Choose the purpose","value":"other"');
    const done = await cw.act('worker', 'meeting.submit', { ...submit.data, ...schoolMeeting, purpose: 'other-agency', attendees: 'Family support worker' });
    expect(cardText(done.card)).toContain('Meeting recorded');
    expect(cardText(done.card)).not.toContain('(step 10)');
    expect(cardText(done.card)).toContain('Other agency');
    expect(cardText(done.followUp)).toContain('Step 5 of 10');
  });
});

describe('home visit cards', () => {
  it('the case card offers the home visit or call, and a check-in, at step 5', async () => {
    const { act, caseId } = await caseAtStep(5);
    const { card } = await act('worker', 'case.open', { caseId });
    expect(cardText(card)).toContain('Step 5 of 10');
    expect(actionOf(card, 'home-visit.open').data).toEqual({ caseId });
    expect(actionOf(card, 'check-in.open').data).toEqual({ caseId });
  });

  it('records a Teams call and answers with what was recorded, by whom, with no live buttons', async () => {
    const cw = await caseAtStep(5);
    const { form, submit } = await submitOf(cw, 'home-visit', { caseId: cw.caseId });
    expect(inputIds(form)).toEqual(['mode', 'heldOn', 'attendees', 'notes']);
    const done = await cw.act('worker', 'home-visit.submit', { ...submit.data, ...homeVisit });
    const text = cardText(done.card);
    expect(text).toContain('Teams call recorded (step 5)');
    expect(text).toContain('Fri 25 Sep 2026');
    expect(text).toContain('Casey Testfield (mother)');
    expect(text).toContain('Recorded by Harriet Lunde');
    expect(executeActions(done.card)).toEqual([]);
    expect(cardText(done.followUp)).toContain('Step 6 of 10');
    expect(actionOf(done.followUp, 'skip-observation.open').data.caseId).toBe(cw.caseId);
    const case_ = await cw.world.deps.stores.cases.get(cw.caseId);
    expect(case_?.milestones.homeVisit?.mode).toBe('teams-call');
  });

  it('a double click records the visit once and says so', async () => {
    const cw = await caseAtStep(5);
    const { submit } = await submitOf(cw, 'home-visit', { caseId: cw.caseId });
    await cw.act('worker', 'home-visit.submit', { ...submit.data, ...homeVisit, mode: 'home-visit' });
    const second = await cw.act('worker', 'home-visit.submit', { ...submit.data, ...homeVisit, mode: 'home-visit' });
    expect(cardText(second.card)).toContain('Home visit recorded (step 5)');
    expect(cardText(second.card)).toContain('nothing was written twice');
    expect(await recordsOf(cw, cw.caseId, 'home-visit')).toHaveLength(1);
  });

  it('a home visit before the school meeting is refused naming the Order rule, with the form again', async () => {
    const cw = await caseAtStep(4);
    const { submit } = await submitOf(cw, 'home-visit', { caseId: cw.caseId });
    const again = await cw.act('worker', 'home-visit.submit', { ...submit.data, ...homeVisit });
    expect(cardText(again.card)).toContain('Rule: Order');
    expect(cardText(again.card)).toContain('step 5 (Home visit / Teams meeting) can be recorded only after step 4 (Initial meeting with school)');
    expect(cardText(again.card)).toContain('Parent supportive');
    expect(actionOf(again.card, 'home-visit.submit').data.requestKey).toBe(submit.data.requestKey);
    expect(await recordsOf(cw, cw.caseId, 'home-visit')).toHaveLength(0);
  });

  it('a missing field shows the form again naming it', async () => {
    const cw = await caseAtStep(5);
    const { submit } = await submitOf(cw, 'home-visit', { caseId: cw.caseId });
    const again = await cw.act('worker', 'home-visit.submit', { ...submit.data, ...homeVisit, attendees: '\n' });
    expect(cardText(again.card)).toContain('attendees: list who attended');
    expect(cardText(again.card)).toContain('Parent supportive');
    expect(await recordsOf(cw, cw.caseId, 'home-visit')).toHaveLength(0);
  });
});

describe('skip the further observation cards', () => {
  it('the case card offers the 2nd observation or skipping it at step 6', async () => {
    const { act, caseId } = await caseAtStep(6);
    const { card } = await act('worker', 'case.open', { caseId });
    expect(cardText(card)).toContain('Step 6 of 10');
    expect(actionOf(card, 'skip-observation.open').data).toEqual({ caseId });
  });

  it('records the reason and answers with it, by whom, with no live buttons', async () => {
    const cw = await caseAtStep(6);
    const { form, submit } = await submitOf(cw, 'skip-observation', { caseId: cw.caseId });
    expect(inputIds(form)).toEqual(['reason']);
    const done = await cw.act('worker', 'skip-observation.submit', { ...submit.data, ...skip });
    expect(cardText(done.card)).toContain('Further observation skipped (step 6)');
    expect(cardText(done.card)).toContain(skip.reason);
    expect(cardText(done.card)).toContain('Recorded by Harriet Lunde');
    expect(executeActions(done.card)).toEqual([]);
    expect(cardText(done.followUp)).toContain('Step 7 of 10');
    expect(actionOf(done.followUp, 'contract-draft.open').data.caseId).toBe(cw.caseId);
  });

  it('a double click records it once and says so', async () => {
    const cw = await caseAtStep(6);
    const { submit } = await submitOf(cw, 'skip-observation', { caseId: cw.caseId });
    await cw.act('worker', 'skip-observation.submit', { ...submit.data, ...skip });
    const second = await cw.act('worker', 'skip-observation.submit', { ...submit.data, ...skip });
    expect(cardText(second.card)).toContain('nothing was written twice');
    expect(await recordsOf(cw, cw.caseId, 'observation-skipped')).toHaveLength(1);
  });

  it('skipping before the home visit is refused naming the Order rule', async () => {
    const cw = await caseAtStep(5);
    const { submit } = await submitOf(cw, 'skip-observation', { caseId: cw.caseId });
    const again = await cw.act('worker', 'skip-observation.submit', { ...submit.data, ...skip });
    expect(cardText(again.card)).toContain('Rule: Order');
    expect(actionOf(again.card, 'skip-observation.submit').data.requestKey).toBe(submit.data.requestKey);
    expect(await recordsOf(cw, cw.caseId, 'observation-skipped')).toHaveLength(0);
  });

  it('no reason shows the form again naming it', async () => {
    const cw = await caseAtStep(6);
    const { submit } = await submitOf(cw, 'skip-observation', { caseId: cw.caseId });
    const again = await cw.act('worker', 'skip-observation.submit', { ...submit.data, reason: ' ' });
    expect(cardText(again.card)).toContain('Check: reason');
    expect(actionOf(again.card, 'skip-observation.submit').verb).toBe('skip-observation.submit');
    expect(await recordsOf(cw, cw.caseId, 'observation-skipped')).toHaveLength(0);
  });
});

describe('lone working: check-in and check-out cards', () => {
  // Checked in at 14:00 UK time (13:00 UTC, BST), planned to end at 15:15.
  const visit = { place: 'school', endTime: '15:15' };
  const visitDay = (cw: CardWorld) => cw.world.memory.clock.set('2026-09-25T13:00:00Z');

  it('turns a UK date and time into an instant, across the clock changes', () => {
    expect(plannedInstant('2026-09-25', '14:00')).toBe('2026-09-25T13:00:00Z');
    expect(plannedInstant('2026-11-20', '14:00')).toBe('2026-11-20T14:00:00Z');
    expect(plannedInstant('2026-10-25', '09:30')).toBe('2026-10-25T09:30:00Z');
    expect(plannedInstant('2026-03-29', '11:00:00')).toBe('2026-03-29T10:00:00Z');
    expect(plannedInstant('2026-09-25', undefined)).toBeUndefined();
  });

  it('a planned end typed as a time is today\'s, or after midnight when today\'s has passed and tomorrow\'s is within 12 hours', () => {
    const at = (now: string, time: string) => plannedEndAfter(new Date(now), time);
    expect(at('2026-09-25T13:00:00Z', '15:15')).toBe('2026-09-25T14:15:00Z');
    // 22:30 UK time: 00:30 is tomorrow's.
    expect(at('2026-09-25T21:30:00Z', '00:30')).toBe('2026-09-25T23:30:00Z');
    // 14:00 UK time: 13:30 has passed and tomorrow's is 23.5 hours away, so it stays today's (and the rule says it has passed).
    expect(at('2026-09-25T13:00:00Z', '13:30')).toBe('2026-09-25T12:30:00Z');
  });

  it('the lone-working check-in has no where: the form asks where (the address on file, else the school, or somewhere else) and the planned end, an hour from now', async () => {
    const cw = await caseAtStep(5);
    visitDay(cw);
    const { form } = await submitOf(cw, 'check-in', { caseId: cw.caseId });
    expect(inputIds(form)).toEqual(['place', 'address', 'endTime']);
    const text = cardText(form);
    expect(text).toContain('Where is the visit?');
    // The demo child's parents have no address on file: the school is offered, and somewhere else.
    expect(text).toContain('The school: ');
    expect(text).toContain('Somewhere else (type the address below)');
    expect(text).toContain('Planned end time');
    expect(text).toContain('30 minutes after the planned end, the manager is alerted');
    // 13:00 UTC is 14:00 in London: the end suggested is an hour later.
    expect(text).toContain('15:00');
    expect(JSON.stringify(form)).toContain('"value":"school"');
  });

  it('the address on file is offered first when the child\'s parent/carer has one', async () => {
    const cw = await buildCardWorld('2026-09-25T13:00:00Z');
    const school = await cw.world.schoolByUrn('100001');
    const parents = [{ name: 'Casey Testfield', relationship: 'mother', parentalResponsibility: true, address: '12 Elm Road, Harbourtown', preferredContact: 'letter' }];
    const opened = await cw.steps.refer('100001', { child: childDetails(school.id, { parents }) });
    await cw.steps.allocate(opened.case.id, 'worker');
    const { form } = await submitOf(cw, 'check-in', { caseId: opened.case.id });
    expect(cardText(form)).toContain('Home (mother): 12 Elm Road, Harbourtown');
    expect(cardText(form)).not.toContain('Casey');
    expect(JSON.stringify(form)).toContain('"value":"home-1"');
  });

  it('checking in records where and the planned end, says when the manager is alerted, and offers the check-out in one click', async () => {
    const cw = await caseAtStep(5);
    visitDay(cw);
    const { submit } = await submitOf(cw, 'check-in', { caseId: cw.caseId });
    const done = await cw.act('worker', 'check-in.submit', { ...submit.data, place: 'elsewhere', address: 'Family centre, 3 Quay St', endTime: '15:15' });
    const text = cardText(done.card);
    expect(text).toContain('Checked in to the home visit');
    expect(text).toContain('If there is no check-out within 30 minutes of the planned end (by Fri 25 Sep 2026, 15:45), the manager is alerted.');
    expect(text).toContain('Family centre, 3 Quay St');
    expect(text).toContain('Fri 25 Sep 2026, 14:00');
    expect(text).toContain('Checked in by Harriet Lunde');
    const [record] = await recordsOf(cw, cw.caseId, 'lone-working');
    expect(record?.body).toMatchObject({ where: { kind: 'elsewhere', address: 'Family centre, 3 Quay St' }, plannedEnd: '2026-09-25T14:15:00Z' });
    const checkOut = actionOf(done.card, 'check-out.submit');
    expect(checkOut.title).toBe('Check out: I am safely away');
    expect(checkOut.data).toEqual({ caseId: cw.caseId, recordId: record?.id });
    expect(actionOf(done.followUp, 'check-out.open').data).toEqual({ caseId: cw.caseId, recordId: record?.id });
  });

  it('the check-in is offered at other steps too', async () => {
    const { act, caseId } = await caseAtStep(3);
    const { card } = await act('worker', 'case.open', { caseId });
    expect(actionOf(card, 'check-in.open').data).toEqual({ caseId });
  });

  it('a double click checks in once and says so', async () => {
    const cw = await caseAtStep(5);
    visitDay(cw);
    const { submit } = await submitOf(cw, 'check-in', { caseId: cw.caseId });
    await cw.act('worker', 'check-in.submit', { ...submit.data, ...visit });
    const second = await cw.act('worker', 'check-in.submit', { ...submit.data, ...visit });
    expect(cardText(second.card)).toContain('nothing was written twice');
    expect(await recordsOf(cw, cw.caseId, 'lone-working')).toHaveLength(1);
  });

  it('a planned end that has passed shows the form again naming the rule, with what was typed', async () => {
    const cw = await caseAtStep(5);
    visitDay(cw);
    const { submit } = await submitOf(cw, 'check-in', { caseId: cw.caseId });
    const again = await cw.act('worker', 'check-in.submit', { ...submit.data, ...visit, endTime: '13:30' });
    expect(cardText(again.card)).toContain('The planned end (Fri 25 Sep 2026, 13:30) has passed: give a time after Fri 25 Sep 2026, 14:00.');
    expect(cardText(again.card)).toContain('Rule: Lone working');
    expect(cardText(again.card)).toContain('13:30');
    expect(actionOf(again.card, 'check-in.submit').data.requestKey).toBe(submit.data.requestKey);
    expect(await recordsOf(cw, cw.caseId, 'lone-working')).toHaveLength(0);
  });

  it('somewhere else with no address, or no end time, shows the form again naming the input', async () => {
    const cw = await caseAtStep(5);
    visitDay(cw);
    const { submit } = await submitOf(cw, 'check-in', { caseId: cw.caseId });
    const noAddress = await cw.act('worker', 'check-in.submit', { ...submit.data, ...visit, place: 'elsewhere', address: '' });
    expect(cardText(noAddress.card)).toContain('Give the address of the visit when it is somewhere else.');
    const noEnd = await cw.act('worker', 'check-in.submit', { ...submit.data, ...visit, endTime: '' });
    expect(cardText(noEnd.card)).toContain('Check: Planned end time');
    expect(await recordsOf(cw, cw.caseId, 'lone-working')).toHaveLength(0);
  });

  async function checkedIn() {
    const cw = await caseAtStep(5);
    visitDay(cw);
    const { submit } = await submitOf(cw, 'check-in', { caseId: cw.caseId });
    const done = await cw.act('worker', 'check-in.submit', { ...submit.data, ...visit });
    return { ...cw, offer: actionOf(done.followUp, 'check-out.open'), oneClick: actionOf(done.card, 'check-out.submit') };
  }

  it('check-out does not confirm safe: one click from the check-in says "Checked out at 15:05: safe"; a double click records once', async () => {
    const cw = await checkedIn();
    cw.world.memory.clock.set('2026-09-25T14:05:00Z');
    const done = await cw.act('worker', cw.oneClick.verb, cw.oneClick.data);
    expect(cardText(done.card)).toContain('Checked out of the home visit');
    expect(cardText(done.card)).toContain('Checked out at 15:05: safe.');
    expect(executeActions(done.card)).toEqual([]);
    cw.world.memory.clock.set('2026-09-25T14:05:02Z');
    const again = await cw.act('worker', cw.oneClick.verb, cw.oneClick.data);
    expect(cardText(again.card)).toContain('Already recorded at 15:05 by you');
    expect(again.followUp).toBeUndefined();
    const [record] = await recordsOf(cw, cw.caseId, 'lone-working');
    expect(record?.body).toMatchObject({ checkedOutAt: '2026-09-25T14:05:00.000Z' });
  });

  it('the check-out form carries the visit from the case card to the submit; checking out answers with no live buttons', async () => {
    const cw = await checkedIn();
    cw.world.memory.clock.set('2026-09-25T14:05:00Z');
    const { card: form } = await cw.act('worker', 'check-out.open', cw.offer.data);
    expect(cardText(form)).toContain('planned to end Fri 25 Sep 2026, 15:15');
    const submit = actionOf(form, 'check-out.submit');
    expect(submit.data.recordId).toBe(cw.offer.data.recordId);
    const done = await cw.act('worker', 'check-out.submit', submit.data);
    expect(cardText(done.card)).toContain('Checked out of the home visit');
    expect(cardText(done.card)).toContain('Checked out by Harriet Lunde, Fri 25 Sep 2026, 15:05');
    expect(executeActions(done.card)).toEqual([]);
    const [record] = await recordsOf(cw, cw.caseId, 'lone-working');
    expect(record?.body).toMatchObject({ checkedOutAt: expect.stringMatching(/^2026-09-25T14:05/) });
    expect(actionOf(done.followUp, 'check-in.open').data).toEqual({ caseId: cw.caseId });
  });

  it('with two visits checked in, the check-out form shows the visit it was opened for, not the first open one', async () => {
    const cw = await checkedIn();
    const first = cw.offer.data.recordId ?? '';
    const { submit } = await submitOf(cw, 'check-in', { caseId: cw.caseId });
    await cw.act('worker', 'check-in.submit', { ...submit.data, place: 'school', endTime: '17:30' });
    const second = (await recordsOf(cw, cw.caseId, 'lone-working')).find((r) => r.id !== first)?.id ?? '';
    expect(second).not.toBe('');

    const forSecond = await cw.act('worker', 'check-out.open', { caseId: cw.caseId, recordId: second });
    expect(cardText(forSecond.card)).toContain('planned to end Fri 25 Sep 2026, 17:30');
    expect(cardText(forSecond.card)).not.toContain('15:15');
    expect(actionOf(forSecond.card, 'check-out.submit').data.recordId).toBe(second);
    const forFirst = await cw.act('worker', 'check-out.open', { caseId: cw.caseId, recordId: first });
    expect(cardText(forFirst.card)).toContain('planned to end Fri 25 Sep 2026, 15:15');
    expect(cardText(forFirst.card)).not.toContain('17:30');
  });

  it('checking out twice says it was already done, in UK time, and writes nothing twice', async () => {
    const cw = await checkedIn();
    cw.world.memory.clock.set('2026-09-25T14:05:00Z');
    const submit = actionOf((await cw.act('worker', 'check-out.open', cw.offer.data)).card, 'check-out.submit');
    await cw.act('worker', 'check-out.submit', submit.data);
    const second = await cw.act('worker', 'check-out.submit', submit.data);
    expect(cardText(second.card)).toContain('Already recorded at 15:05 by you');
    expect(cardText(second.card)).toContain('nothing was written twice');
    expect(executeActions(second.card)).toEqual([]);
  });

  it('a late check-out after the manager was alerted says so', async () => {
    const cw = await checkedIn();
    const recordId = cw.offer.data.recordId ?? '';
    cw.world.memory.clock.set('2026-09-25T14:50:00Z');
    expect(await alertIfCheckOutMissed(cw.world.deps, recordId)).toBe('alerted');
    const submit = actionOf((await cw.act('worker', 'check-out.open', cw.offer.data)).card, 'check-out.submit');
    const done = await cw.act('worker', 'check-out.submit', submit.data);
    expect(cardText(done.card)).toContain('The manager was alerted at Fri 25 Sep 2026, 15:50');
  });
});
