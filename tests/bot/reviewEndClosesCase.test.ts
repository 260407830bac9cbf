import type { Mailer } from '../../workflow';
import { allCardProblems } from '../cards/cardChecks';
import { actionOf, cardText, executeActions } from '../cards/cardWorld';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, people } from '../support/world';
import { invokeCard, startBot } from './botHarness';

/**
 * PRODUCT.md step 9: a review that ends the support "produces the report, sends it, files it,
 * closes the case" in the one submit, through /api/messages. When completing fails after the
 * review is saved, the review stays and completing again (the case card's button, or the same
 * submit repeated) carries on without mailing anything twice.
 */
jest.setTimeout(30_000);

describe('a review recorded with outcome "end" completes the case in the same submit', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let harness: Awaited<ReturnType<typeof startBot>>;
  /** The next End of Outreach Report mail fails (a Graph outage) when set. */
  let failNextReport = false;

  beforeEach(async () => {
    failNextReport = false;
    const flaky: Mailer = {
      send: async (message, key) => {
        if (failNextReport && message.subject.includes('End of Outreach Report')) {
          failNextReport = false;
          throw new Error('Graph answered 503');
        }
        return world.memory.mailer.send(message, key);
      },
    };
    world = await buildWorld('2026-09-14T09:00:00Z', { mailer: flaky });
    harness = await startBot(world.deps);
  });
  afterEach(async () => harness.close());

  /** A case at step 9 (contract in force, a session delivered), the clock on the review day. */
  async function caseAtReview() {
    const steps = caseSteps(world);
    const { caseId } = await steps.toContractInForce();
    await steps.support(caseId);
    world.memory.clock.set('2026-11-19T10:00:00Z');
    return caseId;
  }

  const click = async (verb: string, data: Record<string, unknown>) => {
    const answer = await harness.click(people.worker, verb, data);
    expect(answer.status).toBe(200);
    const card = invokeCard(answer.body);
    expect(allCardProblems(card)).toEqual([]);
    return card;
  };
  const ended = { heldOn: '2026-11-19', outcome: 'end', summary: 'Targets met.', destination: 'mainstream' };
  const mails = (words: string) => world.memory.mailer.outbox.filter((m) => m.subject.includes(words)).length;
  const records = async (caseId: string, kind: string) => (await world.deps.stores.records.find({ caseId })).filter((r) => r.body.kind === kind).length;

  it('one submit records the review, files and sends the report, requests the evaluation and closes the case; a double submit sends nothing twice', async () => {
    const caseId = await caseAtReview();
    const submit = actionOf(await click('review.open', { caseId }), 'review.submit');
    const text = cardText(await click(submit.verb, { ...submit.data, ...ended }));
    expect(text).toContain('Review recorded: support ends');
    expect(text).toContain("Case closed on Thu 19 Nov 2026; the End of Outreach Report, the Chronology Log and the Summary Record were filed in the child's folder and the report sent to the school; evaluation requested.");
    expect(await world.deps.stores.cases.get(caseId)).toMatchObject({ status: 'closed', closure: { how: 'review-ended', destination: 'mainstream' } });
    expect([mails('End of Outreach Report'), mails('evaluation')]).toEqual([1, 1]);

    const again = await click(submit.verb, { ...submit.data, ...ended });
    expect(cardText(again)).toContain('nothing was written twice');
    expect(executeActions(again)).toEqual([]);
    expect([mails('End of Outreach Report'), mails('evaluation')]).toEqual([1, 1]);
    expect([await records(caseId, 'review'), await records(caseId, 'evaluation-request')]).toEqual([1, 1]);
  });

  it('when the report mail fails, the review stays and the case card\'s "Complete and close the case" finishes the job, mailing the report once', async () => {
    const caseId = await caseAtReview();
    failNextReport = true;
    const submit = actionOf(await click('review.open', { caseId }), 'review.submit');
    const text = cardText(await click(submit.verb, { ...submit.data, ...ended }));
    expect(text).toContain('Review recorded: support ends');
    expect(text).toContain('Completing the case stopped');
    expect(text).toContain('"Complete and close the case" on the case card carries on');
    expect(await records(caseId, 'review')).toBe(1);
    expect((await world.deps.stores.cases.get(caseId))?.status).toBe('open');
    expect(mails('End of Outreach Report')).toBe(0);

    const caseCard = await click('case.open', { caseId });
    const complete = actionOf(await click('complete.open', actionOf(caseCard, 'complete.open').data), 'complete.submit');
    expect(cardText(await click(complete.verb, complete.data))).toContain('Case completed and closed');
    expect((await world.deps.stores.cases.get(caseId))?.status).toBe('closed');
    expect([mails('End of Outreach Report'), mails('evaluation')]).toEqual([1, 1]);
  });

  it('when the report mail fails, the same review submitted again closes the case without a second review or mail', async () => {
    const caseId = await caseAtReview();
    failNextReport = true;
    const submit = actionOf(await click('review.open', { caseId }), 'review.submit');
    await click(submit.verb, { ...submit.data, ...ended });
    const text = cardText(await click(submit.verb, { ...submit.data, ...ended }));
    expect(text).toContain('Case closed on Thu 19 Nov 2026');
    expect((await world.deps.stores.cases.get(caseId))?.status).toBe('closed');
    expect([await records(caseId, 'review'), mails('End of Outreach Report'), mails('evaluation')]).toEqual([1, 1, 1]);
  });
});
