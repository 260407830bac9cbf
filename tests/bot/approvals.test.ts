import { allCardProblems } from '../cards/cardChecks';
import { actionOf, cardText, executeActions, inputIds } from '../cards/cardWorld';
import { buildWorld, people } from '../support/world';
import { cardOf, invokeCard, startBot } from './botHarness';
import { contractFlow, contractTerms, managerChat, workerChat } from './contractFlow';

/**
 * A contract passes between two people through the real /api/messages endpoint: the worker drafts
 * it in their chat, the manager gets it in theirs and decides, and every copy of the card is
 * redrawn in place (updateActivity on the connector standing in for Teams).
 */
describe('contract approval between the worker and the manager', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let harness: Awaited<ReturnType<typeof startBot>>;

  beforeEach(async () => {
    world = await buildWorld();
    harness = await startBot(world.deps, { notifyThroughTeams: true });
  });
  afterEach(async () => harness.close());

  const flow = () => contractFlow(world, () => harness);
  const caseReadyForContract = () => flow().caseReadyForContract();
  const workerDrafts = (caseId: string, purchaseId: string) => flow().workerDrafts(caseId, purchaseId);
  const managerApprovalMessage = () => flow().managerApprovalMessage();
  const redrawsIn = (conversationId: string, activityId: string) => flow().redrawsIn(conversationId, activityId);

  it('the manager gets the contract in their chat with Approve / Request changes, and refresh.userIds naming the approvers', async () => {
    const { caseId, purchaseId } = await caseReadyForContract();
    const drafted = await workerDrafts(caseId, purchaseId);
    expect(cardText(drafted)).toContain('Contract version 1 drafted');
    const { card } = managerApprovalMessage();
    expect(allCardProblems(card)).toEqual([]);
    expect(executeActions(card).map((a) => a.title)).toEqual(expect.arrayContaining(['Approve', 'Send back for changes']));
    expect(card.refresh).toEqual({ action: expect.objectContaining({ type: 'Action.Execute', verb: 'contract.view' }), userIds: [`29:teams-${people.manager}`] });
  });

  it('approving redraws the worker\'s card in place to show who approved and when; the case is at step 8', async () => {
    const { caseId, purchaseId } = await caseReadyForContract();
    await workerDrafts(caseId, purchaseId);
    const approval = managerApprovalMessage();
    const approve = actionOf(approval.card, 'contract-decision.submit');
    const answered = invokeCard((await harness.click(people.manager, approve.verb, approve.data, approval.id)).body);
    await harness.bot.drain();
    expect(cardText(answered)).toContain('Approved by Morgan Ashby');
    expect(executeActions(answered).filter((a) => a.verb === 'contract-decision.submit')).toEqual([]);

    const [redrawn] = redrawsIn(workerChat, 'worker-case-card');
    const workerCard = cardOf(redrawn);
    expect(allCardProblems(workerCard)).toEqual([]);
    expect(cardText(workerCard)).toContain('Approved by Morgan Ashby');
    expect(cardText(workerCard)).toContain('Step 8 of 10');
    expect(executeActions(workerCard)).toEqual([]);
    // The card the manager clicked was answered in place by the invoke: not redrawn a second time.
    expect(redrawsIn(managerChat, approval.id)).toEqual([]);
    expect((await world.deps.stores.cases.get(caseId))?.contractInForce).toBeDefined();
  });

  it('the card\'s refresh (Teams calls contract.view for each viewer) draws the buttons for the approver only', async () => {
    const { caseId, purchaseId } = await caseReadyForContract();
    await workerDrafts(caseId, purchaseId);
    const approval = managerApprovalMessage();
    const refresh = approval.card.refresh as { action: { verb: string; data: Record<string, unknown> } };
    const forManager = invokeCard((await harness.click(people.manager, refresh.action.verb, refresh.action.data, approval.id)).body);
    const forWorker = invokeCard((await harness.click(people.worker, refresh.action.verb, refresh.action.data, 'worker-case-card')).body);
    expect(executeActions(forManager).map((a) => a.title)).toEqual(expect.arrayContaining(['Approve', 'Send back for changes']));
    expect(executeActions(forWorker).filter((a) => a.verb === 'contract-decision.submit')).toEqual([]);
    expect(cardText(forWorker)).toContain('Awaiting approval by a manager');
    await harness.bot.drain();
    // Refreshing the same message keeps one copy of it, not one per refresh.
    await harness.click(people.manager, refresh.action.verb, refresh.action.data, approval.id);
    await harness.bot.drain();
    const copies = await world.deps.stores.cardCopies.find({ subject: `contract:${String(refresh.action.data.contractId)}` });
    expect(copies.filter((c) => c.activityId === approval.id)).toHaveLength(1);
  });

  it('the worker clicking Approve on a copy (a forged or refreshed card) is refused by the handler and nothing changes', async () => {
    const { caseId, purchaseId } = await caseReadyForContract();
    await workerDrafts(caseId, purchaseId);
    const approve = actionOf(managerApprovalMessage().card, 'contract-decision.submit');
    const answered = invokeCard((await harness.click(people.worker, approve.verb, approve.data, 'worker-case-card')).body);
    expect(cardText(answered)).toContain('You drafted this contract, so someone else must approve it');
    expect((await world.deps.stores.contracts.get(approve.data.contractId ?? ''))?.status).toBe('awaiting-approval');
  });

  it('requesting changes returns it to the worker with the reason, on their card and by notification', async () => {
    const { caseId, purchaseId } = await caseReadyForContract();
    await workerDrafts(caseId, purchaseId);
    const approval = managerApprovalMessage();
    const send = actionOf(approval.card, 'contract-decision.submit');
    const reason = 'Make the second target measurable.';
    await harness.click(people.manager, 'contract-decision.submit', { ...send.data, decision: 'request-changes', reason }, approval.id);
    await harness.bot.drain();
    const workerCard = cardOf(redrawsIn(workerChat, 'worker-case-card')[0]);
    expect(cardText(workerCard)).toContain(`Changes requested by Morgan Ashby`);
    expect(cardText(workerCard)).toContain(reason);
    const told = harness.connector.sent.filter((s) => s.method === 'POST' && s.conversationId === workerChat).map((s) => cardText(cardOf(s)));
    expect(told.some((t) => t.includes('Your contract has been decided') && t.includes(reason))).toBe(true);
  });

  it('a restart between the draft and the approval loses nothing: the new process redraws the worker\'s card', async () => {
    const { caseId, purchaseId } = await caseReadyForContract();
    await workerDrafts(caseId, purchaseId);
    const approval = managerApprovalMessage();
    await harness.stopApp();
    // A new process: nothing in memory, the same lists (SharePoint) and the same Teams.
    const restarted = await startBot(world.deps, { notifyThroughTeams: true, connector: harness.connector });
    try {
      const approve = actionOf(approval.card, 'contract-decision.submit');
      await restarted.click(people.manager, approve.verb, approve.data, approval.id);
      await restarted.bot.drain();
      expect(cardText(cardOf(redrawsIn(workerChat, 'worker-case-card')[0]))).toContain('Approved by Morgan Ashby');
    } finally {
      await restarted.close();
    }
  });

  it('a copy Teams no longer has (404 on the redraw) is marked stale and the decision still stands', async () => {
    const { caseId, purchaseId } = await caseReadyForContract();
    await workerDrafts(caseId, purchaseId);
    const approval = managerApprovalMessage();
    harness.connector.refuse(workerChat, 404);
    const approve = actionOf(approval.card, 'contract-decision.submit');
    const answered = invokeCard((await harness.click(people.manager, approve.verb, approve.data, approval.id)).body);
    await harness.bot.drain();
    expect(cardText(answered)).toContain('Approved by Morgan Ashby');
    const copies = await world.deps.stores.cardCopies.find({ subject: `contract:${approve.data.contractId ?? ''}` });
    expect(copies.find((c) => c.viewerId === people.worker)?.stale).toBe(true);
    expect(copies.find((c) => c.viewerId === people.manager)?.stale).toBe(false);
  });

  it('Impatience makes duplicates: contract version 2 while version 1 awaits approval', async () => {
    const { caseId, purchaseId } = await caseReadyForContract();
    // An older copy of the draft form, opened before version 1 was sent.
    const stale = actionOf(invokeCard((await harness.click(people.worker, 'contract-draft.open', { caseId }, 'worker-old-form')).body), 'contract-draft.submit');
    await workerDrafts(caseId, purchaseId);
    const approval = managerApprovalMessage();

    const refused = invokeCard((await harness.click(people.worker, stale.verb, { ...contractTerms(stale, purchaseId), support: 'Twice-weekly 1:1 sessions' }, 'worker-old-form')).body);
    expect(cardText(refused)).toContain('is already awaiting approval');
    expect(inputIds(refused)).toContain('replace');
    expect(await world.deps.stores.contracts.find({ caseId })).toHaveLength(1);

    const replaced = invokeCard((await harness.click(people.worker, stale.verb, { ...contractTerms(stale, purchaseId), support: 'Twice-weekly 1:1 sessions', replace: 'true' }, 'worker-old-form')).body);
    await harness.bot.drain();
    expect(cardText(replaced)).toContain('Contract version 2 drafted');
    expect(cardText(replaced)).toContain('It replaces version 1, which is withdrawn.');
    const contracts = await world.deps.stores.contracts.find({ caseId });
    expect(contracts.map((k) => [k.version, k.status]).sort()).toEqual([[1, 'withdrawn'], [2, 'awaiting-approval']]);

    // Version 1's card in the worker's chat is redrawn to say it was withdrawn.
    const redrawn = redrawsIn(workerChat, 'worker-case-card').at(-1);
    expect(cardText(cardOf(redrawn))).toContain('Withdrawn by Harriet Lunde');
    // The manager's copy refreshes without the decision buttons, and its old Approve does nothing.
    const refresh = approval.card.refresh as { action: { verb: string; data: Record<string, unknown> } };
    const forManager = invokeCard((await harness.click(people.manager, refresh.action.verb, refresh.action.data, approval.id)).body);
    expect(cardText(forManager)).toContain('Withdrawn by Harriet Lunde');
    expect(executeActions(forManager).filter((a) => a.verb === 'contract-decision.submit')).toEqual([]);
    const approve = actionOf(approval.card, 'contract-decision.submit');
    await harness.click(people.manager, approve.verb, approve.data, approval.id);
    await harness.bot.drain();
    expect((await world.deps.stores.contracts.get(approve.data.contractId ?? ''))?.status).toBe('withdrawn');
    expect((await world.deps.stores.cases.get(caseId))?.contractInForce).toBeUndefined();
  });

  it('the draft form offers to replace only while a draft awaits approval', async () => {
    const { caseId } = await caseReadyForContract();
    const form = invokeCard((await harness.click(people.worker, 'contract-draft.open', { caseId }, 'worker-case-card')).body);
    expect(inputIds(form)).not.toContain('replace');
  });
});
