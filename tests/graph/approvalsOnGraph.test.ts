import { randomIds } from '../../app/randomIds';
import { cardOf, invokeCard, startBot } from '../bot/botHarness';
import { contractFlow, managerChat, workerChat } from '../bot/contractFlow';
import { actionOf, cardText } from '../cards/cardWorld';
import { buildWorld, people } from '../support/world';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';

jest.setTimeout(120_000);

/**
 * What passes between the worker and the manager, kept in SharePoint lists on the embedded Graph:
 * conversation references and card copies survive the process, and a manager Teams cannot reach
 * is e-mailed through Graph sendMail (the embedded mailbox shows it).
 */
describe('contract approval on the embedded Graph', () => {
  let graph: EmbeddedGraph;
  beforeAll(async () => {
    graph = await startEmbeddedGraph();
  });
  afterAll(async () => graph.stop());

  it('the manager\'s stale chat falls back to e-mail; deciding from the case redraws the worker\'s kept card', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z', { ...graph.ports, ids: randomIds });
    const first = await startBot(world.deps, { notifyThroughTeams: true });
    let harness = first;
    const flow = contractFlow(world, () => harness);
    try {
      const { caseId, reference, purchaseId } = await flow.caseReadyForContract();
      harness.connector.refuse(managerChat, 404);
      await flow.workerDrafts(caseId, purchaseId);
      const [stale] = await world.deps.stores.conversations.find({ userId: people.manager });
      expect(stale?.stale).toBe(true);
      const mailbox = JSON.stringify(await graph.mailbox());
      expect(mailbox).toContain(`case ${reference}`);
      expect(mailbox).toContain('morgan.ashby@outreach.example.org');
      expect(mailbox).not.toContain('Testfield');

      // A new process: the worker's card copy is in the CardCopies list, not in memory.
      await first.stopApp();
      harness = await startBot(world.deps, { notifyThroughTeams: true, connector: first.connector });
      const card = invokeCard((await harness.click(people.manager, 'contract-decision.open', { caseId }, 'manager-case-card')).body);
      const approve = actionOf(card, 'contract-decision.submit');
      await harness.click(people.manager, approve.verb, approve.data, 'manager-case-card');
      await harness.bot.drain();
      const [redrawn] = flow.redrawsIn(workerChat, 'worker-case-card');
      expect(cardText(cardOf(redrawn))).toContain('Approved by Morgan Ashby');
    } finally {
      await harness.close();
      await first.close(); // the connector (Teams) it started
    }
  });
});
