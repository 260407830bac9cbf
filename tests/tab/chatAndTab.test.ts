import { CardAnswer, routes } from '../../tab/contract/api';
import type { CaseLocks } from '../../workflow';
import { cardOf, startBot } from '../bot/botHarness';
import { contractFlow, workerChat } from '../bot/contractFlow';
import { actionOf, cardText } from '../cards/cardWorld';
import { buildWorld, people } from '../support/world';
import { startTab } from './tabHarness';

/** Waits (up to 5 s) until `done` holds. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 5_000) throw new Error('waited 5 s in vain');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Chat and tab take turns on a case: the app passes the bot\'s lock to the tab', () => {
  it('a submit from the tab waits while a chat submit holds the case, then sees what it wrote ("already recorded")', async () => {
    const world = await buildWorld('2026-09-18T09:00:00Z');
    const taken: string[] = [];
    let release = (): void => undefined;
    let holding = true;
    const held = new Promise<void>((resolve) => (release = resolve));
    // A lock that holds the first submit (chat's) until released, and lets later ones queue behind it.
    let tail: Promise<void> = Promise.resolve();
    const locks: CaseLocks = {
      async withCase(caseId, work) {
        taken.push(caseId);
        const before = tail;
        let done = (): void => undefined;
        tail = new Promise<void>((resolve) => (done = resolve));
        await before;
        if (holding) {
          holding = false;
          await held;
        }
        try {
          return await work();
        } finally {
          done();
        }
      },
    };
    const options = { interimAfterMs: 60_000, caseLocks: locks };
    const bot = await startBot(world.deps, options);
    const tab = await startTab({ world, caseLocks: locks });
    try {
      const c = await tab.referred('Rowan', 'Testfield');
      await tab.steps.allocate(c.id, 'worker');
      const form = CardAnswer.parse((await tab.post(routes.cardAction, { verb: 'chronology.open', data: { caseId: c.id } }, 'worker')).body);
      const submit = actionOf(form.card as never, 'chronology.submit');
      const data = { ...submit.data, on: '2026-09-18', category: 'contact', note: 'Phoned the school.' };
      const fromChat = bot.click(people.worker, submit.verb, data);
      await until(() => taken.length === 1);
      const fromTab = tab.post(routes.cardAction, { verb: submit.verb, data }, 'worker').then((r) => r);
      await until(() => taken.length === 2);
      expect(taken).toEqual([c.id, c.id]);
      expect((await world.deps.stores.records.find({ caseId: c.id })).filter((r) => r.body.kind === 'chronology')).toHaveLength(0);
      release();
      expect((await fromChat).status).toBe(200);
      const tabAnswer = CardAnswer.parse((await fromTab).body);
      expect(cardText(tabAnswer.card as never)).toContain('Already recorded');
      expect((await world.deps.stores.records.find({ caseId: c.id })).filter((r) => r.body.kind === 'chronology')).toHaveLength(1);
    } finally {
      await bot.close();
    }
  });
});

describe('A contract approved in the tab redraws its cards in chat (the app wires onChanged to the bot)', () => {
  it('the worker\'s case card and the manager\'s approval card in chat are redrawn: approved by whom', async () => {
    const world = await buildWorld('2026-09-18T09:00:00Z');
    const bot = await startBot(world.deps, { notifyThroughTeams: true });
    const tab = await startTab({ world, onChanged: (changed) => bot.bot.redrawCardCopies(changed) });
    try {
      const flow = contractFlow(world, () => bot);
      const { caseId, purchaseId } = await flow.caseReadyForContract();
      await flow.workerDrafts(caseId, purchaseId);
      const approval = flow.managerApprovalMessage();
      const contractId = String(actionOf(approval.card, 'contract-decision.submit').data.contractId);
      const view = CardAnswer.parse((await tab.post(routes.cardAction, { verb: 'contract.view', data: { contractId } }, 'manager')).body);
      const approve = actionOf(view.card as never, 'contract-decision.submit');
      const answered = CardAnswer.parse((await tab.post(routes.cardAction, { verb: approve.verb, data: approve.data }, 'manager')).body);
      expect(cardText(answered.card as never)).toContain('Approved by Morgan Ashby');
      await bot.bot.drain();
      const redrawn = flow.redrawsIn(workerChat, 'worker-case-card').at(-1);
      expect(cardText(cardOf(redrawn))).toContain('Approved by Morgan Ashby');
      const managerCopy = flow.redrawsIn(`a:${people.manager}`, approval.id).at(-1);
      expect(cardText(cardOf(managerCopy))).toContain('Approved by Morgan Ashby');
    } finally {
      await bot.close();
    }
  });
});
