import { caseLedgerOf, setConsent, viewCase } from '../../workflow';
import { people, value } from '../support/world';
import { actionOf, buildCardWorld, cardText, cardWorldWithCaseAt, executeActions, inputIds } from './cardWorld';

/** A case whose contract is in force (step 8), allocated to the worker (Harriet Lunde). */
async function caseInForce() {
  const cw = await buildCardWorld();
  const { caseId, contractId } = await cw.steps.toContractInForce();
  return { ...cw, caseId, contractId };
}

/** A case at step 5: the school meeting held, no home visit yet. */
const caseBeforeHomeVisit = () => cardWorldWithCaseAt(5);

const session = { deliveredOn: '2026-10-06', hours: '1.5', withWhom: 'pupil', summary: 'Practised the calm corner routine.' };

describe('support session cards', () => {
  it('the case card offers a support session at step 8', async () => {
    const { act, caseId } = await caseInForce();
    const { card } = await act('worker', 'case.open', { caseId });
    expect(cardText(card)).toContain('Step 8 of 10');
    expect(actionOf(card, 'support-session.open').data).toEqual({ caseId });
  });

  it('open then submit records the session and answers with no live buttons, by the worker', async () => {
    const { act, caseId, world } = await caseInForce();
    const { card: form } = await act('worker', 'support-session.open', { caseId });
    expect(inputIds(form)).toEqual(expect.arrayContaining(['deliveredOn', 'hours', 'withWhom', 'summary']));
    expect(cardText(form)).toContain('No direct support');
    const submit = actionOf(form, 'support-session.submit');
    expect((submit.data.requestKey ?? '').length).toBeGreaterThanOrEqual(12);
    const done = await act('worker', 'support-session.submit', { ...submit.data, ...session });
    expect(cardText(done.card)).toContain('Support session recorded (step 8)');
    expect(cardText(done.card)).toContain('1.5 hours');
    expect(cardText(done.card)).toContain('The pupil');
    expect(cardText(done.card)).toContain('Recorded by Harriet Lunde');
    expect(executeActions(done.card)).toEqual([]);
    // Support runs for weeks more: still step 8, the next session offered (the review is not due yet).
    expect(cardText(done.followUp)).toContain('Step 8 of 10: Support begins');
    expect(actionOf(done.followUp, 'support-session.open').data.caseId).toBe(caseId);
    const records = await world.deps.stores.records.find({ caseId });
    expect(records.filter((r) => r.body.kind === 'support-session')).toHaveLength(1);
  });

  it('a double click records one session and says so', async () => {
    const { act, caseId, world } = await caseInForce();
    const submit = actionOf((await act('worker', 'support-session.open', { caseId })).card, 'support-session.submit');
    const first = await act('worker', 'support-session.submit', { ...submit.data, ...session });
    const second = await act('worker', 'support-session.submit', { ...submit.data, ...session });
    expect(cardText(first.card)).not.toContain('nothing was written twice');
    expect(cardText(second.card)).toContain('nothing was written twice');
    expect(executeActions(second.card)).toEqual([]);
    const records = await world.deps.stores.records.find({ caseId });
    expect(records.filter((r) => r.body.kind === 'support-session')).toHaveLength(1);
  });

  it('before the home visit the session is refused, naming the rule "No direct support"', async () => {
    const { act, caseId, world } = await caseBeforeHomeVisit();
    const submit = actionOf((await act('worker', 'support-session.open', { caseId })).card, 'support-session.submit');
    const again = await act('worker', 'support-session.submit', { ...submit.data, ...session });
    expect(cardText(again.card)).toContain('Rule: No direct support');
    expect(cardText(again.card)).toContain('before the home visit');
    expect(cardText(again.card)).toContain('Practised the calm corner routine.');
    expect((await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'support-session')).toHaveLength(0);
  });

  it('while consent is not given the session is refused, naming the rule "No direct support"', async () => {
    const { act, caseId, world } = await caseInForce();
    value(await setConsent(world.deps, await world.staff(people.manager), { caseId, consent: 'withdrawn' }));
    const submit = actionOf((await act('worker', 'support-session.open', { caseId })).card, 'support-session.submit');
    const again = await act('worker', 'support-session.submit', { ...submit.data, ...session });
    expect(cardText(again.card)).toContain('Rule: No direct support');
    expect(cardText(again.card)).toContain('consent is "withdrawn"');
    expect((await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'support-session')).toHaveLength(0);
  });

  it('a missing field shows the form again naming it, with what was typed', async () => {
    const { act, caseId } = await caseInForce();
    const submit = actionOf((await act('worker', 'support-session.open', { caseId })).card, 'support-session.submit');
    const again = await act('worker', 'support-session.submit', { ...submit.data, ...session, hours: '' });
    expect(cardText(again.card)).toContain('hours');
    expect(cardText(again.card)).toContain('Practised the calm corner routine.');
    expect(actionOf(again.card, 'support-session.submit').data.requestKey).toBe(submit.data.requestKey);
  });
});

const time = (overrides: Record<string, string> = {}) => ({ on: '2026-10-07', hours: '2', activity: 'direct-work', ...overrides });

describe('time sheet cards', () => {
  it('"Log time" is among the case card\'s other actions, and "log time <reference>" opens the form', async () => {
    const { act, ask, caseId, world } = await caseInForce();
    const { card } = await act('worker', 'case.open', { caseId });
    expect(actionOf(card, 'time.open').data).toEqual({ caseId });
    const c = await world.deps.stores.cases.get(caseId);
    const form = await ask('worker', { kind: 'log-time', reference: c?.reference ?? '' });
    expect(inputIds(form)).toEqual(expect.arrayContaining(['on', 'hours', 'activity']));
    expect(cardText(form)).toContain('Package hours for this case: 13 hours bought, 0 hours used, 13 hours left.');
    expect(cardText(form)).toContain('Direct work with the pupil');
    expect(actionOf(form, 'time.submit').data.caseId).toBe(caseId);
  });

  it('logging time shows the ledger (bought / used / left), no live buttons, by the worker', async () => {
    const { act, caseId } = await caseInForce();
    const submit = actionOf((await act('worker', 'time.open', { caseId })).card, 'time.submit');
    const done = await act('worker', 'time.submit', { ...submit.data, ...time() });
    const text = cardText(done.card);
    expect(text).toContain('Time logged');
    expect(text).toContain('Direct work with the pupil');
    expect(text).toContain('Silver Package (2026-27)');
    expect(text).toContain('13 hours bought · 2 hours used · 11 hours left');
    expect(text).toContain('Logged by Harriet Lunde');
    expect(text).not.toContain('Warning');
    expect(executeActions(done.card)).toEqual([]);
  });

  it('an entry crossing 80% warns; one crossing 100% warns and flags the hours beyond what was bought for invoicing', async () => {
    const { act, caseId } = await caseInForce();
    const log = async (hours: string, on: string) => {
      const submit = actionOf((await act('worker', 'time.open', { caseId })).card, 'time.submit');
      return act('worker', 'time.submit', { ...submit.data, ...time({ hours, on }) });
    };
    const first = await log('6', '2026-10-06');
    expect(cardText(first.card)).not.toContain('Warning');
    const eighty = await log('5', '2026-10-07');
    expect(cardText(eighty.card)).toContain('Time logged: 80% of the package hours used');
    expect(cardText(eighty.card)).toContain('Warning: this entry took the case past 80% of the package hours bought (11 hours used of 13 hours, 2 hours left)');
    expect(cardText(eighty.card)).not.toContain('beyond what was bought:');
    const hundred = await log('3', '2026-10-08');
    const text = cardText(hundred.card);
    expect(text).toContain('Time logged: the package hours bought are used up');
    expect(text).toContain('Warning: this entry used up the package hours bought (14 hours used of 13 hours)');
    expect(text).toContain('1 hour of this entry is beyond what was bought: flagged and listed for invoicing at the consultancy rate');
    expect(text).toContain('Beyond what was bought');
    expect(text).not.toContain('past 80%');
    const after = await log('1', '2026-10-09');
    expect(cardText(after.card)).not.toContain('Warning');
    expect(cardText(after.card)).toContain('2 hours: flagged, to invoice at the consultancy rate');
  });

  it('a double click logs the time once and says so', async () => {
    const { act, caseId, world } = await caseInForce();
    const submit = actionOf((await act('worker', 'time.open', { caseId })).card, 'time.submit');
    await act('worker', 'time.submit', { ...submit.data, ...time() });
    const second = await act('worker', 'time.submit', { ...submit.data, ...time() });
    expect(cardText(second.card)).toContain('nothing was written twice');
    expect((await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'time')).toHaveLength(1);
  });

  it('direct work after the contract\'s 6 school weeks is refused, naming the rule "Contract"', async () => {
    const { act, caseId, world } = await caseInForce();
    const submit = actionOf((await act('worker', 'time.open', { caseId })).card, 'time.submit');
    const again = await act('worker', 'time.submit', { ...submit.data, ...time({ on: '2026-12-01' }) });
    expect(cardText(again.card)).toContain('Rule: Contract');
    expect(cardText(again.card)).toContain('Support under this contract ended on Fri 20 Nov 2026');
    expect((await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'time')).toHaveLength(0);
  });

  it('direct work before the home visit is refused, naming "No direct support"; other time is logged', async () => {
    const { act, caseId } = await caseBeforeHomeVisit();
    const submit = actionOf((await act('worker', 'time.open', { caseId })).card, 'time.submit');
    const again = await act('worker', 'time.submit', { ...submit.data, ...time({ on: '2026-09-24' }) });
    expect(cardText(again.card)).toContain('Rule: No direct support');
    const meeting = await act('worker', 'time.submit', { ...submit.data, ...time({ on: '2026-09-23', activity: 'meeting' }) });
    expect(cardText(meeting.card)).toContain('Time logged');
    expect(cardText(meeting.card)).toContain('Meeting');
  });

  it('a time sheet opened before the case moved on names the real rule when refused, not "out of date"', async () => {
    const cw = await buildCardWorld();
    const opened = await cw.steps.refer();
    const caseId = opened.case.id;
    await cw.steps.allocate(caseId);
    await cw.steps.informationReturned(caseId);
    await cw.steps.observe(caseId);
    const submit = actionOf((await cw.act('worker', 'time.open', { caseId })).card, 'time.submit');
    expect(submit.data.openedAtStep).toBe('4');
    await cw.steps.schoolMeeting(caseId); // the case moves on to step 5 meanwhile
    const again = await cw.act('worker', 'time.submit', { ...submit.data, ...time({ on: '2026-09-24' }) });
    expect(cardText(again.card)).not.toContain('out of date');
    expect(cardText(again.card)).toContain('Rule: No direct support');
    expect(actionOf(again.card, 'time.submit').data.requestKey).toBe(submit.data.requestKey);
  });

  it('a missing field shows the form again naming it', async () => {
    const { act, caseId } = await caseInForce();
    const submit = actionOf((await act('worker', 'time.open', { caseId })).card, 'time.submit');
    const again = await act('worker', 'time.submit', { ...submit.data, ...time({ hours: '' }) });
    expect(cardText(again.card)).toContain('hours');
    expect(actionOf(again.card, 'time.submit').data.requestKey).toBe(submit.data.requestKey);
  });
});

const entry = { on: '2026-10-08', category: 'update-to-home', note: 'Phoned the parent: a good week.' };

describe('chronology cards', () => {
  it('the case card offers a chronology entry at any step; submitting adds it, by the worker, with no live buttons', async () => {
    const { act, caseId, world } = await caseBeforeHomeVisit();
    const { card } = await act('worker', 'case.open', { caseId });
    const open = actionOf(card, 'chronology.open');
    const form = (await act('worker', open.verb, open.data)).card;
    expect(inputIds(form)).toEqual(expect.arrayContaining(['on', 'category', 'note']));
    const done = await act('worker', 'chronology.submit', { ...actionOf(form, 'chronology.submit').data, ...entry });
    expect(cardText(done.card)).toContain('Chronology entry added');
    expect(cardText(done.card)).toContain('Update to home');
    expect(cardText(done.card)).toContain('Recorded by Harriet Lunde');
    expect(executeActions(done.card)).toEqual([]);
    expect((await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'chronology')).toHaveLength(1);
  });

  it('a double click adds one entry and says so', async () => {
    const { act, caseId, world } = await caseInForce();
    const submit = actionOf((await act('worker', 'chronology.open', { caseId })).card, 'chronology.submit');
    await act('worker', 'chronology.submit', { ...submit.data, ...entry });
    const second = await act('worker', 'chronology.submit', { ...submit.data, ...entry });
    expect(cardText(second.card)).toContain('nothing was written twice');
    expect((await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === 'chronology')).toHaveLength(1);
  });

  it('a missing note shows the form again naming it', async () => {
    const { act, caseId } = await caseInForce();
    const submit = actionOf((await act('worker', 'chronology.open', { caseId })).card, 'chronology.submit');
    const again = await act('worker', 'chronology.submit', { ...submit.data, ...entry, note: '' });
    expect(cardText(again.card)).toContain('note');
    expect(actionOf(again.card, 'chronology.submit').data.requestKey).toBe(submit.data.requestKey);
  });
});

describe('Time entered once', () => {
  it("a support session's hours appear in the package ledger once", async () => {
    const { act, caseId, world } = await caseInForce();
    const c = await world.deps.stores.cases.get(caseId);
    if (!c) throw new Error('no case');
    const before = value(await caseLedgerOf(world.deps, c));
    const form = (await act('worker', 'support-session.open', { caseId })).card;
    expect(cardText(form)).not.toContain('Log time');
    const submit = actionOf(form, 'support-session.submit');
    const done = await act('worker', 'support-session.submit', { ...submit.data, ...session });
    const left = before.totals.left - 1.5;
    expect(cardText(done.card)).toMatch(new RegExp(`1\\.5 hours logged against .+\\(\\d{4}-\\d{2}\\); ${left} hours left\\.`));
    // A repeated submit adds no hours.
    const again = await act('worker', 'support-session.submit', { ...submit.data, ...session });
    expect(cardText(again.card)).toContain('nothing was written twice');
    const after = value(await caseLedgerOf(world.deps, c));
    expect(after.totals.used - before.totals.used).toBe(1.5);
    const records = await world.deps.stores.records.find({ caseId });
    const sessionRecord = records.find((r) => r.body.kind === 'support-session');
    expect(after.entries.filter((e) => e.entryId === sessionRecord?.id)).toEqual([expect.objectContaining({ activity: 'direct-work', countedHours: 1.5 })]);
    expect(records.filter((r) => r.body.kind === 'time')).toEqual([]);
    // The time sheet shows the session's hours as used, and offers no direct work to log again.
    const sheet = (await act('worker', 'time.open', { caseId })).card;
    expect(cardText(sheet)).toContain(`${after.totals.used} ${after.totals.used === 1 ? 'hour' : 'hours'} used`);
    expect(JSON.stringify(sheet)).not.toContain('"direct-work"');
    // The case view carries the same figures for the case card.
    const view = value(await viewCase(world.deps, await world.staff(people.worker), { caseId }));
    expect(view.packageHours).toEqual({ used: after.totals.used, bought: after.totals.bought, left: after.totals.left });
  });
});
