import type { AdaptiveCardJson } from '../../bot/cards';
import { viewCase } from '../../workflow';
import { contractApprovalCard, contractViewAction } from '../../bot/cards/views/contractApprovalCard';
import { people, value } from '../support/world';
import { allCardProblems } from './cardChecks';
import { actionOf, cardText, cardWorldWithCaseAt, executeActions, inputIds } from './cardWorld';

/** A case of people.worker at step 7: observation, school meeting, home visit and a 2nd observation recorded. */
async function caseAtStep7() {
  const cw = await cardWorldWithCaseAt(7);
  const silver = (await cw.world.deps.stores.purchases.find({ schoolId: cw.schoolId })).find((p) => p.packageCode === 'silver');
  if (!silver) throw new Error('the demo school has no Silver package');
  return { ...cw, silverId: silver.id };
}

const terms = (purchaseIds: string) => ({
  targets: 'Uses the calm corner when dysregulated\nJoins the class line after break',
  support: 'Weekly 1:1 sessions and modelling for the class team',
  purchaseIds,
  startDate: '2026-10-05',
  reviewDate: '2026-12-10',
  namedApprovers: '',
});

type CardWorld = Awaited<ReturnType<typeof caseAtStep7>>;

/** The worker drafts the contract from the card; returns the stored contract's id. */
async function drafted(cw: CardWorld, extra: Record<string, string> = {}) {
  const form = (await cw.act('worker', 'contract-draft.open', { caseId: cw.caseId })).card;
  const submit = actionOf(form, 'contract-draft.submit');
  const done = await cw.act('worker', 'contract-draft.submit', { ...submit.data, ...terms(cw.silverId), ...extra });
  const [contract] = await cw.world.deps.stores.contracts.find({ caseId: cw.caseId });
  if (!contract) throw new Error(`no contract drafted: ${cardText(done.card)}`);
  return { done, contractId: contract.id };
}

/** Every element of a card (body, actions, show cards) of a type. */
function elementsOf(card: AdaptiveCardJson | undefined, type: string): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === type) found.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

const inputsOf = (card: AdaptiveCardJson | undefined) =>
  elementsOf(card, 'Input.Text').concat(elementsOf(card, 'Input.Date'), elementsOf(card, 'Input.ChoiceSet'), elementsOf(card, 'Input.Toggle'), elementsOf(card, 'Input.Number'));

describe('contract draft card', () => {
  it('the case card offers the draft at step 7', async () => {
    const { act, caseId } = await caseAtStep7();
    const { card } = await act('worker', 'case.open', { caseId });
    expect(cardText(card)).toContain('Step 7 of 10: Contract written and shared');
    expect(actionOf(card, 'contract-draft.open').title).toBe('Draft the contract');
  });

  it('offers the school\'s packages (name, financial year, PO number), states the rule, and labels every input', async () => {
    const cw = await caseAtStep7();
    const { card } = await cw.act('worker', 'contract-draft.open', { caseId: cw.caseId });
    expect(inputIds(card)).toEqual(['targets', 'support', 'purchaseIds', 'startDate', 'reviewDate', 'namedApprovers']);
    for (const input of inputsOf(card)) expect(typeof input.label === 'string' && input.label !== '').toBe(true);
    const packages = elementsOf(card, 'Input.ChoiceSet').find((c) => c.id === 'purchaseIds');
    expect(packages?.isMultiSelect).toBe(true);
    const bought = await cw.world.deps.stores.purchases.find({ schoolId: cw.schoolId });
    const drawable = bought.filter((p) => p.packageCode !== 'universal-support-offer');
    expect((packages?.choices as Array<{ value: string }>).map((c) => c.value).sort()).toEqual(drawable.map((p) => p.id).sort());
    expect(packages?.choices).toEqual([{ title: 'Silver Package, 2026-27, PO PO-AB-2630', value: cw.silverId }]);
    const text = cardText(card);
    expect(text).toContain('at most 6 school weeks');
    expect(text).toContain('no later than the end of the half-term in which those 6 weeks end');
    const approvers = elementsOf(card, 'Input.ChoiceSet').find((c) => c.id === 'namedApprovers');
    expect(approvers?.isMultiSelect).toBe(true);
    expect(JSON.stringify(approvers?.choices)).toContain(people.dsl);
  });

  it('a draft goes for approval: version, support end and review date computed, awaiting approval by a manager, no live buttons', async () => {
    const cw = await caseAtStep7();
    const { done, contractId } = await drafted(cw);
    const text = cardText(done.card);
    expect(text).toContain('Contract version 1 drafted');
    expect(text).toContain('Awaiting approval by a manager');
    expect(text).toContain('Mon 5 Oct 2026');
    expect(text).toContain('Thu 10 Dec 2026');
    expect(text).toContain('Drafted by Harriet Lunde');
    expect(executeActions(done.card)).toEqual([]);
    const contract = await cw.world.deps.stores.contracts.get(contractId);
    expect(contract?.status).toBe('awaiting-approval');
    expect(contract?.targets).toEqual(['Uses the calm corner when dysregulated', 'Joins the class line after break']);
    expect(contract?.supportEnds).toBe('2026-11-20');
    expect(text).toContain('Fri 20 Nov 2026 (6 school weeks)');
    // The worker's case card waits, naming who can approve; the manager's offers the decision.
    expect(cardText(done.followUp)).toContain('You drafted this contract, so you cannot approve it (rule: Separation of duties). Ask Morgan Ashby or Rhiannon Whitlock.');
    expect(executeActions(done.followUp).map((a) => a.verb)).not.toContain('contract-decision.open');
    const managerCase = (await cw.act('manager', 'case.open', { caseId: cw.caseId })).card;
    expect(actionOf(managerCase, 'contract-decision.open').data).toEqual({ caseId: cw.caseId, contractId });
  });

  it('a double click drafts one contract and says the first is awaiting approval', async () => {
    const cw = await caseAtStep7();
    const submit = actionOf((await cw.act('worker', 'contract-draft.open', { caseId: cw.caseId })).card, 'contract-draft.submit');
    await cw.act('worker', 'contract-draft.submit', { ...submit.data, ...terms(cw.silverId) });
    const second = await cw.act('worker', 'contract-draft.submit', { ...submit.data, ...terms(cw.silverId) });
    // The same request key is a repeat of the first draft, not a second contract that the pending one blocks.
    expect(cardText(second.card)).toContain('nothing was written twice');
    expect(cardText(second.card)).toContain('Contract version 1 drafted');
    expect(cardText(second.card)).toContain('Awaiting approval by a manager');
    expect(executeActions(second.card)).toEqual([]);
    expect(await cw.world.deps.stores.contracts.find({ caseId: cw.caseId })).toHaveLength(1);
  });

  it('a review date too late answers naming the Contract rule and keeps what was typed', async () => {
    const cw = await caseAtStep7();
    const submit = actionOf((await cw.act('worker', 'contract-draft.open', { caseId: cw.caseId })).card, 'contract-draft.submit');
    const again = await cw.act('worker', 'contract-draft.submit', { ...submit.data, ...terms(cw.silverId), reviewDate: '2027-03-01' });
    const text = cardText(again.card);
    expect(text).toContain('Rule: Contract');
    expect(text).toContain('the end of the half-term in which the 6 weeks of support end');
    expect(text).toContain('Uses the calm corner when dysregulated\nJoins the class line after break');
    expect(text).toContain('2027-03-01');
    expect(actionOf(again.card, 'contract-draft.submit').data.requestKey).toBe(submit.data.requestKey);
    expect(await cw.world.deps.stores.contracts.find({ caseId: cw.caseId })).toHaveLength(0);
  });

  it('no package chosen names the packages', async () => {
    const cw = await caseAtStep7();
    const submit = actionOf((await cw.act('worker', 'contract-draft.open', { caseId: cw.caseId })).card, 'contract-draft.submit');
    const again = await cw.act('worker', 'contract-draft.submit', { ...submit.data, ...terms('') });
    expect(cardText(again.card)).toContain('at least one package');
    expect(inputIds(again.card)).toContain('purchaseIds');
  });
});

describe('contract approval card', () => {
  it('the manager sees Approve and Request changes (a required reason) on contract.view and contract-decision.open', async () => {
    const cw = await caseAtStep7();
    const { contractId } = await drafted(cw);
    for (const [verb, data] of [['contract.view', { contractId }], ['contract-decision.open', { caseId: cw.caseId, contractId }]] as const) {
      const { card } = await cw.act('manager', verb, data);
      const text = cardText(card);
      expect(text).toContain('Outreach Contract, version 1');
      expect(text).toContain('Uses the calm corner when dysregulated');
      expect(text).toContain('Weekly 1:1 sessions');
      expect(text).toContain('Silver Package, 2026-27, PO PO-AB-2630');
      expect(text).toContain('Mon 5 Oct 2026');
      expect(text).toContain('Thu 10 Dec 2026');
      expect(text).toContain('by Harriet Lunde, Mon 14 Sep 2026, 10:00');
      expect(text).toContain('Awaiting approval by a manager');
      const approve = actionOf(card, 'contract-decision.submit');
      expect(approve).toEqual({ title: 'Approve', verb: 'contract-decision.submit', data: { caseId: cw.caseId, contractId, decision: 'approve' } });
      const [showCard] = elementsOf(card, 'Action.ShowCard');
      expect(showCard?.title).toBe('Request changes');
      expect(inputIds(showCard?.card as AdaptiveCardJson)).toEqual(['reason']);
      expect(elementsOf(card, 'Input.Text')[0]).toMatchObject({ id: 'reason', isRequired: true, label: 'What needs to change' });
      expect(executeActions(showCard?.card as AdaptiveCardJson)).toEqual([
        { title: 'Send back for changes', verb: 'contract-decision.submit', data: { caseId: cw.caseId, contractId, decision: 'request-changes' } },
      ]);
    }
  });

  it('the worker sees the status only, and a forged decision records nothing', async () => {
    const cw = await caseAtStep7();
    const { contractId } = await drafted(cw);
    const { card } = await cw.act('worker', 'contract.view', { contractId });
    expect(cardText(card)).toContain('Awaiting approval by a manager');
    expect(cardText(card)).toContain('You drafted this contract, so you cannot approve it');
    expect(executeActions(card)).toEqual([]);
    expect(elementsOf(card, 'Action.ShowCard')).toEqual([]);
    const forged = await cw.act('worker', 'contract-decision.submit', { caseId: cw.caseId, contractId, decision: 'approve' });
    expect(cardText(forged.card)).toContain('You drafted this contract, so someone else must approve it');
    expect(executeActions(forged.card)).toEqual([]);
    expect((await cw.world.deps.stores.contracts.get(contractId))?.status).toBe('awaiting-approval');
  });

  it('another worker not on the case cannot see it', async () => {
    const cw = await caseAtStep7();
    const { contractId } = await drafted(cw);
    const { card } = await cw.act('otherWorker', 'contract.view', { contractId });
    expect(cardText(card)).toContain('not on your caseload');
    expect(cardText(card)).not.toContain('calm corner');
  });

  it('approve: the decided card says who and when with no buttons, the contract is in force and the case moves to step 8', async () => {
    const cw = await caseAtStep7();
    const { contractId } = await drafted(cw);
    const approve = actionOf((await cw.act('manager', 'contract.view', { contractId })).card, 'contract-decision.submit');
    const done = await cw.act('manager', 'contract-decision.submit', approve.data);
    expect(cardText(done.card)).toContain('Approved by Morgan Ashby, Mon 14 Sep 2026, 10:00');
    expect(cardText(done.card)).toContain('The contract is in force');
    expect(executeActions(done.card)).toEqual([]);
    expect(elementsOf(done.card, 'Action.ShowCard')).toEqual([]);
    expect((await cw.world.deps.stores.contracts.get(contractId))?.status).toBe('approved');
    const c = await cw.world.deps.stores.cases.get(cw.caseId);
    expect(c?.contractInForce?.contractId).toBe(contractId);
    expect(cardText(done.followUp)).toContain('Step 8 of 10');
    expect(actionOf(done.followUp, 'support-session.open').data.caseId).toBe(cw.caseId);
    // Afterwards everyone sees the decided card, the manager included.
    const later = (await cw.act('manager', 'contract.view', { contractId })).card;
    expect(cardText(later)).toContain('Approved by Morgan Ashby');
    expect(executeActions(later)).toEqual([]);
  });

  it('request changes without a reason shows the card again naming the reason and records nothing', async () => {
    const cw = await caseAtStep7();
    const { contractId } = await drafted(cw);
    const again = await cw.act('manager', 'contract-decision.submit', { caseId: cw.caseId, contractId, decision: 'request-changes', reason: '  ' });
    const text = cardText(again.card);
    expect(text).toContain('say what needs to change');
    expect(text).toContain('reason');
    expect(actionOf(again.card, 'contract-decision.submit').data.decision).toBe('approve');
    expect(inputIds(again.card)).toEqual(['reason']);
    const contract = await cw.world.deps.stores.contracts.get(contractId);
    expect(contract?.status).toBe('awaiting-approval');
    expect(contract?.decisions).toEqual([]);
  });

  it('request changes with a reason returns it to the worker, whose case card offers "Redraft", starting from the returned version', async () => {
    const cw = await caseAtStep7();
    const { contractId } = await drafted(cw);
    const reason = 'Make the second target measurable.';
    const done = await cw.act('manager', 'contract-decision.submit', { caseId: cw.caseId, contractId, decision: 'request-changes', reason });
    expect(cardText(done.card)).toContain(`Changes requested by Morgan Ashby, Mon 14 Sep 2026, 10:00: ${reason}`);
    expect(cardText(done.card)).toContain('gone back to Harriet Lunde');
    expect(executeActions(done.card)).toEqual([]);
    expect((await cw.world.deps.stores.contracts.get(contractId))?.status).toBe('changes-requested');

    const workerCase = (await cw.act('worker', 'case.open', { caseId: cw.caseId })).card;
    expect(actionOf(workerCase, 'contract-draft.open').title).toBe('Redraft the contract');
    const form = (await cw.act('worker', 'contract-draft.open', { caseId: cw.caseId })).card;
    expect(cardText(form)).toContain(reason);
    expect(cardText(form)).toContain('Joins the class line after break');
    const submit = actionOf(form, 'contract-draft.submit');
    const redraft = await cw.act('worker', 'contract-draft.submit', { ...submit.data, ...terms(cw.silverId), targets: 'Uses the calm corner when dysregulated\nLines up with the class after break on 4 days out of 5' });
    expect(cardText(redraft.card)).toContain('Contract version 2 drafted');
  });

  it('a second approve (double click) is told who decided and when, and records nothing twice', async () => {
    const cw = await caseAtStep7();
    const { contractId } = await drafted(cw);
    const data = { caseId: cw.caseId, contractId, decision: 'approve' };
    await cw.act('manager', 'contract-decision.submit', data);
    cw.world.memory.clock.set('2026-09-14T09:05:00Z');
    const second = await cw.act('manager', 'contract-decision.submit', data);
    expect(cardText(second.card)).toContain('Already decided. Approved by Morgan Ashby, Mon 14 Sep 2026, 10:00.');
    expect(cardText(second.card)).toContain('Nothing was recorded twice');
    expect(executeActions(second.card)).toEqual([]);
    expect((await cw.world.deps.stores.contracts.get(contractId))?.decisions).toHaveLength(1);
  });

  it('a named approver without the case sees the buttons (no child named); once the manager has approved they are told who decided', async () => {
    const cw = await caseAtStep7();
    const { contractId } = await drafted(cw, { namedApprovers: people.dsl });
    const asked = (await cw.act('dsl', 'contract.view', { contractId })).card;
    expect(cardText(asked)).toContain('Awaiting approval by a manager (Morgan Ashby or Rhiannon Whitlock) or Dev Okonjo');
    expect(cardText(asked)).not.toContain('Rowan');
    expect(actionOf(asked, 'contract-decision.submit').data.decision).toBe('approve');
    await cw.act('manager', 'contract-decision.submit', { caseId: cw.caseId, contractId, decision: 'approve' });
    const late = await cw.act('dsl', 'contract-decision.submit', actionOf(asked, 'contract-decision.submit').data);
    expect(cardText(late.card)).toContain('Already decided. Approved by Morgan Ashby, Mon 14 Sep 2026, 10:00.');
    expect(executeActions(late.card)).toEqual([]);
    expect(late.followUp).toBeUndefined();
    expect((await cw.world.deps.stores.contracts.get(contractId))?.decisions).toHaveLength(1);
  });
});

describe('contractApprovalCard for a refresh', () => {
  it('gives a status-only copy to send to everyone, which with refresh.userIds on contract.view is still a valid card', async () => {
    const cw = await caseAtStep7();
    const { contractId } = await drafted(cw);
    const manager = await cw.world.staff(people.manager);
    const ctx = { deps: cw.world.deps, actor: manager };
    const view = value(await viewCase(cw.world.deps, manager, { caseId: cw.caseId }));
    const contract = await cw.world.deps.stores.contracts.get(contractId);
    if (!contract) throw new Error('no contract');
    const forEveryone = await contractApprovalCard(ctx, view, contract, { mayDecide: false });
    expect(executeActions(forEveryone)).toEqual([]);
    const withRefresh = { ...forEveryone, refresh: { action: contractViewAction(contractId), userIds: ['29:1fictional-approver'] } };
    expect(allCardProblems(withRefresh)).toEqual([]);
    const refreshed = await cw.act('manager', withRefresh.refresh.action.verb, withRefresh.refresh.action.data);
    expect(actionOf(refreshed.card, 'contract-decision.submit').data.decision).toBe('approve');
  });
});

describe('parents informed card', () => {
  it('is offered once the contract is in force, carries the contract and records once', async () => {
    const cw = await caseAtStep7();
    const { contractId } = await drafted(cw);
    const approved = await cw.act('manager', 'contract-decision.submit', { caseId: cw.caseId, contractId, decision: 'approve' });
    const offer = actionOf(approved.followUp, 'parents-informed.open');
    expect(offer.data).toEqual({ caseId: cw.caseId, contractId });
    const form = (await cw.act('worker', 'parents-informed.open', offer.data)).card;
    expect(cardText(form)).toContain('Casey Testfield (to print and post or give)');
    expect(cardText(form)).toContain('contract version 1');
    const submit = actionOf(form, 'parents-informed.submit');
    expect(submit.data.contractId).toBe(contractId);
    const done = await cw.act('worker', 'parents-informed.submit', submit.data);
    expect(cardText(done.card)).toContain('Parents informed of contract version 1');
    expect(cardText(done.card)).toContain('Recorded by Harriet Lunde, Mon 14 Sep 2026, 10:00');
    expect(executeActions(done.card)).toEqual([]);
    expect(executeActions(done.followUp).map((a) => a.verb)).not.toContain('parents-informed.open');
    const informedAt = (await cw.world.deps.stores.contracts.get(contractId))?.parentsInformedAt;
    expect(informedAt).toBe('2026-09-14T09:00:00.000Z');

    cw.world.memory.clock.set('2026-09-15T09:00:00Z');
    const again = await cw.act('worker', 'parents-informed.submit', submit.data);
    expect(cardText(again.card)).toContain('Already recorded at 10:00 by you');
    expect((await cw.world.deps.stores.contracts.get(contractId))?.parentsInformedAt).toBe(informedAt);
  });

  it('Impatience makes duplicates: parents informed twice', async () => {
    const cw = await caseAtStep7();
    const { contractId } = await drafted(cw);
    const approved = await cw.act('manager', 'contract-decision.submit', { caseId: cw.caseId, contractId, decision: 'approve' });
    const offer = actionOf(approved.followUp, 'parents-informed.open');
    // Two copies of the form, each with its own request key: the worker's and the manager's.
    const workers = actionOf((await cw.act('worker', 'parents-informed.open', offer.data)).card, 'parents-informed.submit');
    const managers = actionOf((await cw.act('manager', 'parents-informed.open', offer.data)).card, 'parents-informed.submit');
    expect(workers.data.requestKey).not.toBe(managers.data.requestKey);
    await cw.act('worker', 'parents-informed.submit', workers.data);
    cw.world.memory.clock.set('2026-09-14T09:07:00Z');
    const second = await cw.act('manager', 'parents-informed.submit', managers.data);
    expect(cardText(second.card)).toContain('Already recorded at 10:00 by Harriet Lunde');
    expect(cardText(second.card)).not.toMatch(/nothing new was recorded|could not/i);
    expect(second.followUp).toBeUndefined();
    const stored = await cw.world.deps.stores.contracts.get(contractId);
    expect(stored?.parentsInformedAt).toBe('2026-09-14T09:00:00.000Z');
    expect(stored?.parentsInformedBy).toBe(people.worker);

    // A new contract version is told again.
    const v2form = actionOf((await cw.act('worker', 'contract-draft.open', { caseId: cw.caseId })).card, 'contract-draft.submit');
    await cw.act('worker', 'contract-draft.submit', { ...v2form.data, ...terms(cw.silverId), support: 'Fortnightly 1:1 sessions' });
    const v2 = (await cw.world.deps.stores.contracts.find({ caseId: cw.caseId })).find((k) => k.version === 2);
    if (!v2) throw new Error('no contract version 2');
    await cw.act('manager', 'contract-decision.submit', { caseId: cw.caseId, contractId: v2.id, decision: 'approve' });
    const v2informed = actionOf((await cw.act('worker', 'parents-informed.open', { caseId: cw.caseId, contractId: v2.id })).card, 'parents-informed.submit');
    const told = await cw.act('worker', 'parents-informed.submit', v2informed.data);
    expect(cardText(told.card)).toContain('Parents informed of contract version 2');
    expect((await cw.world.deps.stores.contracts.get(v2.id))?.parentsInformedAt).toBe('2026-09-14T09:07:00.000Z');
  });
});
