import { actionOf, cardText, type FoundAction } from '../cards/cardWorld';
import { caseSteps } from '../support/caseSteps';
import { people, type World } from '../support/world';
import { cardOf, invokeCard, type startBot } from './botHarness';

type Harness = Awaited<ReturnType<typeof startBot>>;

export const workerChat = `a:${people.worker}`;
export const managerChat = `a:${people.manager}`;

/** The contract terms a worker types, on the draft form's submit action. */
export const contractTerms = (submit: FoundAction, purchaseId: string) => ({
  ...submit.data,
  targets: 'Stays in class through transitions\nUses the calm space when upset',
  support: 'Weekly 1:1 sessions',
  purchaseIds: purchaseId,
  startDate: '2026-10-05',
  reviewDate: '2026-12-10',
});

/**
 * A contract passing between the worker and the manager through /api/messages, on a harness:
 * the case made ready, the worker's draft, and what reached the manager's chat.
 */
export function contractFlow(world: World, harness: () => Harness) {
  return {
    /** A case at step 7 on the worker's caseload; both people have the app (their chats are known). */
    async caseReadyForContract() {
      const { caseId, reference, schoolId } = await caseSteps(world).toStep(7);
      await harness().install(people.worker);
      await harness().install(people.manager);
      await harness().bot.drain();
      const [silver] = (await world.deps.stores.purchases.find({ schoolId })).filter((p) => p.packageCode === 'silver');
      return { caseId, reference, purchaseId: silver?.id ?? '' };
    },

    /** The worker opens the draft form on their case card (message `worker-case-card`) and sends it. */
    async workerDrafts(caseId: string, purchaseId: string) {
      const form = invokeCard((await harness().click(people.worker, 'contract-draft.open', { caseId }, 'worker-case-card')).body);
      const submit = actionOf(form, 'contract-draft.submit');
      const drafted = invokeCard((await harness().click(people.worker, 'contract-draft.submit', contractTerms(submit, purchaseId), 'worker-case-card')).body);
      await harness().bot.drain();
      return drafted;
    },

    /** The card the manager was sent proactively: the contract itself, with its message id. */
    managerApprovalMessage() {
      const sent = harness().connector.sent.filter((s) => s.method === 'POST' && s.conversationId === managerChat);
      const approval = [...sent].reverse().find((s) => cardText(cardOf(s)).includes('Outreach Contract, version 1'));
      if (!approval) throw new Error(`no approval card in the manager's chat: ${JSON.stringify(sent.map((s) => cardText(cardOf(s)).slice(0, 80)))}`);
      return { id: approval.id, card: cardOf(approval) };
    },

    /** Every redraw (updateActivity) of one message in one chat. */
    redrawsIn: (conversationId: string, activityId: string) =>
      harness().connector.sent.filter((s) => s.method === 'PUT' && s.conversationId === conversationId && s.activityId === activityId),
  };
}
