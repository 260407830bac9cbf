import { notificationCard } from '../../bot/cards';
import { decideContract, requestInformation } from '../../workflow';
import { people, value } from '../support/world';
import { actionOf, buildCardWorld, cardText } from './cardWorld';

/**
 * One truth for the step: every card shows where the case is from workflow's caseProgress. Each
 * test is one of the wrong steps the cards used to show.
 */

type CardWorld = Awaited<ReturnType<typeof buildCardWorld>>;

const session = { deliveredOn: '2026-10-06', hours: '1.5', withWhom: 'pupil', summary: 'Practised the calm corner routine.' };

async function submitted(cw: CardWorld, who: 'worker' | 'manager', form: string, caseId: string, values: Record<string, string>) {
  const submit = actionOf((await cw.act(who, `${form}.open`, { caseId })).card, `${form}.submit`);
  return cw.act(who, `${form}.submit`, { ...submit.data, ...values });
}

const occurrences = (text: string, part: string): number => text.split(part).length - 1;

describe('the step shown on cards', () => {
  it('after one support session the case is still at step 8 (support runs for weeks more), and at step 9 only once the review is due', async () => {
    const cw = await buildCardWorld();
    const { caseId } = await cw.steps.toContractInForce();
    const done = await submitted(cw, 'worker', 'support-session', caseId, session);
    expect(cardText(done.card)).toContain('Step 8 of 10: Support begins');
    expect(cardText(done.followUp)).toContain('Step 8 of 10: Support begins');
    expect(cardText(done.followUp)).toContain('Next: Record support sessions; the review is on Thu 10 Dec 2026');
    expect(cardText(done.followUp)).not.toContain('Step 9 of 10');

    cw.world.memory.clock.set('2026-10-20T09:00:00Z');
    expect(cardText((await cw.act('worker', 'case.open', { caseId })).card)).toContain('Step 8 of 10: Support begins');
    expect(cardText(await cw.ask('worker', { kind: 'my-cases' }))).toContain('Step 8 of 10: Support begins');

    // The support period (to Fri 20 Nov) is over: the review is due.
    cw.world.memory.clock.set('2026-11-23T09:00:00Z');
    const due = cardText((await cw.act('worker', 'case.open', { caseId })).card);
    expect(due).toContain('Step 9 of 10: Review meeting');
    expect(due).toContain('Next: Record the review (agreed for Thu 10 Dec 2026): continue or end');
  });

  it('after allocation the next action is not "Allocate a worker…"', async () => {
    const cw = await buildCardWorld();
    const caseId = (await cw.steps.refer()).case.id;
    expect(cardText((await cw.act('manager', 'case.open', { caseId })).card)).toContain('Next: Allocate a worker');
    const done = await submitted(cw, 'manager', 'allocate', caseId, { workerId: people.worker });
    for (const card of [done.card, done.followUp, (await cw.act('worker', 'case.open', { caseId })).card]) {
      const text = cardText(card);
      expect(text).toContain('Step 2 of 10: Initial information gathering');
      expect(text).toContain('Next: Send the school the information request');
      expect(text).not.toMatch(/Next: Allocate/);
    }
  });

  it('after the review is recorded the next action is not "Record the review": continue leads to the new contract, end to completing', async () => {
    for (const outcome of ['continue', 'end'] as const) {
      const cw = await buildCardWorld();
      const { caseId } = await cw.steps.toContractInForce();
      await cw.steps.support(caseId);
      cw.world.memory.clock.set('2026-11-23T09:00:00Z');
      const done = await submitted(cw, 'worker', 'review', caseId, { heldOn: '2026-11-23', outcome, summary: 'Targets reviewed.', destination: 'mainstream' });
      for (const card of [done.card, done.followUp]) {
        const text = cardText(card);
        expect(text).not.toContain('Record the review');
        if (outcome === 'continue') {
          expect(text).toContain('Step 7 of 10: Contract written and shared');
          expect(text).toContain('Next: Draft the new contract version');
        } else {
          expect(text).toContain('Step 9 of 10: Review meeting');
          expect(text).toContain('Next: Complete the case');
        }
      }
    }
  });

  it('a closed case reads "Closed on <date>: <how>", not "Step 10 of 10: Any others"', async () => {
    const cw = await buildCardWorld();
    const { caseId } = await cw.steps.toStep(4);
    const done = await submitted(cw, 'manager', 'close-early', caseId, { reason: 'consent-withdrawn', note: '' });
    const opened = (await cw.act('manager', 'case.open', { caseId })).card;
    for (const text of [cardText(done.card), cardText(opened)]) {
      expect(text).toContain('Closed on Mon 14 Sep 2026: parental consent withdrawn');
      expect(text).not.toContain('Step 10 of 10');
      expect(text).not.toContain('Any others');
      expect(text).not.toContain('Next:');
    }
    expect(cardText(await cw.ask('manager', { kind: 'my-cases' }))).toContain('Closed on Mon 14 Sep 2026: parental consent withdrawn');
  });

  it('a meeting of purpose "Other" recorded at step 8 answers "Meeting recorded", not "(step 10)", with who, when and the real next action', async () => {
    const cw = await buildCardWorld();
    const { caseId } = await cw.steps.toContractInForce();
    const done = await submitted(cw, 'worker', 'meeting', caseId, { purpose: 'other', heldOn: '2026-10-06', attendees: 'Class teacher', notes: 'Catch-up on the timetable.' });
    const text = cardText(done.card);
    expect(text).toContain('Meeting recorded');
    expect(text).not.toContain('(step 10)');
    expect(text).toContain('Recorded by Harriet Lunde, Tue 6 Oct 2026');
    expect(text).toContain('Step 8 of 10: Support begins');
    expect(text).toContain('Next: Record the first support session');
    expect(occurrences(text, 'Next:')).toBe(1);
  });

  it('the allocation notice before the information form is back does not say "arrange the initial observation"', async () => {
    const cw = await buildCardWorld();
    const caseId = (await cw.steps.refer()).case.id;
    value(await requestInformation(cw.world.deps, await cw.world.staff(people.admin), { caseId }));
    await submitted(cw, 'manager', 'allocate', caseId, { workerId: people.worker });
    const notice = cw.world.memory.notifier.sent.filter((n) => n.kind === 'case-allocated').at(-1);
    if (!notice) throw new Error('no allocation notice');
    const text = cardText(notificationCard(notice));
    expect(text).toContain('Next: Record the returned information form and PDP when the school sends them back');
    expect(text).not.toMatch(/observation/i);
    expect(text).not.toMatch(/Allocate/);
  });
});

describe('the step shown for a contract and in the notices about it', () => {
  it('a contract awaiting approval reads "Waiting for approval of contract version 1"; returned for changes, the worker is told to redraft it; approved, support is next', async () => {
    const cw = await buildCardWorld();
    const { caseId } = await cw.steps.toStep(7);
    const { contract } = await cw.steps.contract(caseId);
    const waiting = cardText((await cw.act('worker', 'case.open', { caseId })).card);
    expect(waiting).toContain('Step 7 of 10: Contract written and shared');
    expect(waiting).toContain('Next: Waiting for approval of contract version 1');

    value(await decideContract(cw.world.deps, await cw.world.staff(people.manager), { contractId: contract.id, decision: 'request-changes', reason: 'Add a target for break times.' }));
    const returned = cw.world.memory.notifier.sent.filter((n) => n.kind === 'contract-decided').at(-1);
    expect(returned?.summary).toContain('Next: Redraft the contract');
    expect(cardText((await cw.act('worker', 'case.open', { caseId })).card)).toContain('Next: Redraft the contract');

    const second = await cw.steps.contract(caseId);
    await cw.steps.approve(second.contract.id);
    const approved = cw.world.memory.notifier.sent.filter((n) => n.kind === 'contract-decided').at(-1);
    expect(approved?.summary).toContain('Next: Record the first support session');
    expect(cardText((await cw.act('worker', 'case.open', { caseId })).card)).toContain('Step 8 of 10: Support begins');
  });
});
