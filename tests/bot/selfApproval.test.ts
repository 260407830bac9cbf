import { decideContract, draftContract } from '../../workflow';
import { actionOf, cardText, executeActions } from '../cards/cardWorld';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, errorOf, key, people, value } from '../support/world';
import { invokeCard, startBot } from './botHarness';

/**
 * The defect "Self-approval": a worker could name themselves as the approver of their own contract,
 * then approve it. Rule "Separation of duties": the author never approves their contract nor is
 * named as its approver; approvers are active managers, or active staff the author names.
 */
describe('Self-approval', () => {
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let harness: Awaited<ReturnType<typeof startBot>>;

  beforeEach(async () => {
    world = await buildWorld();
    harness = await startBot(world.deps);
  });
  afterEach(async () => harness.close());

  /** Harriet's case at step 7 and the id of the school's Silver package. */
  async function caseAtStep7() {
    const c = await caseSteps(world).toStep(7);
    const silver = (await world.deps.stores.purchases.find({ schoolId: c.schoolId })).find((p) => p.packageCode === 'silver');
    if (!silver) throw new Error('the demo school has no Silver package');
    return { ...c, silverId: silver.id };
  }

  const terms = (purchaseIds: string, namedApprovers = '') => ({
    targets: 'Stays in class through transitions',
    support: 'Weekly 1:1 sessions',
    purchaseIds,
    startDate: '2026-10-05',
    reviewDate: '2026-12-10',
    namedApprovers,
  });

  const click = async (who: string, verb: string, data: Record<string, unknown>) => invokeCard((await harness.click(who, verb, data)).body);

  /** Opens the draft form as `who` and submits it with the terms; the answer and the form. */
  async function draftAs(who: string, c: Awaited<ReturnType<typeof caseAtStep7>>, namedApprovers = '') {
    const form = await click(who, 'contract-draft.open', { caseId: c.caseId });
    const submit = actionOf(form, 'contract-draft.submit');
    const answer = await click(who, submit.verb, { ...submit.data, ...terms(c.silverId, namedApprovers) });
    return { form, answer };
  }

  const contractsOf = (caseId: string) => world.deps.stores.contracts.find({ caseId });

  it('the manager who drafts a contract cannot approve it, nor is asked to; the deputy manager approves it', async () => {
    const c = await caseAtStep7();
    const { form, answer } = await draftAs(people.manager, c);
    expect(cardText(form)).toContain('You cannot approve a contract you drafted: Rhiannon Whitlock can, and anyone you name below.');
    expect(cardText(answer)).toContain('Awaiting approval by a manager (Rhiannon Whitlock)');
    const [contract] = await contractsOf(c.caseId);
    if (!contract) throw new Error(`no contract: ${cardText(answer)}`);
    const asked = world.memory.notifier.sent.filter((n) => n.kind === 'contract-awaiting-approval').map((n) => n.recipientId);
    expect(asked).toEqual([people.deputy]);

    const own = await click(people.manager, 'contract.view', { contractId: contract.id });
    expect(executeActions(own).map((a) => a.verb)).not.toContain('contract-decision.submit');
    expect(cardText(own)).toContain('You drafted this contract, so you cannot approve it (rule: Separation of duties). Ask Rhiannon Whitlock.');
    const ownCase = await click(people.manager, 'case.open', { caseId: c.caseId });
    expect(executeActions(ownCase).map((a) => a.verb)).not.toContain('contract-decision.open');

    const forged = await click(people.manager, 'contract-decision.submit', { caseId: c.caseId, contractId: contract.id, decision: 'approve' });
    expect(cardText(forged)).toContain('You drafted this contract, so someone else must approve it');
    expect(cardText(forged)).toContain('Separation of duties');
    expect((await world.deps.stores.contracts.get(contract.id))?.status).toBe('awaiting-approval');

    const deputyView = await click(people.deputy, 'contract.view', { contractId: contract.id });
    const approve = actionOf(deputyView, 'contract-decision.submit');
    expect(cardText(await click(people.deputy, approve.verb, { ...approve.data, decision: 'approve' }))).toContain('Approved by Rhiannon Whitlock');
    expect((await world.deps.stores.contracts.get(contract.id))?.status).toBe('approved');
  });

  it('a worker naming themselves as approver is refused, naming the rule and the field; nothing is drafted', async () => {
    const c = await caseAtStep7();
    const { form, answer } = await draftAs(people.worker, c, people.worker);
    const offered = JSON.stringify(form);
    expect(offered).not.toContain(`"value":"${people.worker}"`);
    expect(cardText(answer)).toContain('You cannot name yourself as an approver of your own contract.');
    expect(cardText(answer)).toContain('Separation of duties');
    expect(await contractsOf(c.caseId)).toEqual([]);
    const refused = errorOf(await draftContract(world.deps, await world.staff(people.worker), { caseId: c.caseId, requestKey: key('k'), ...terms(c.silverId), purchaseIds: [c.silverId], targets: ['t'], namedApprovers: [people.worker] }));
    expect(refused).toMatchObject({ code: 'SeparationOfDuties', rule: 'Separation of duties', field: 'namedApprovers' });
  });

  it('named approvers must be active staff: an inactive member and an id not on the Staff list are refused', async () => {
    const c = await caseAtStep7();
    const harriet = await world.staff(people.worker);
    const draft = (namedApprovers: string[]) =>
      draftContract(world.deps, harriet, { caseId: c.caseId, requestKey: key('k'), ...terms(c.silverId), purchaseIds: [c.silverId], targets: ['t'], namedApprovers });
    expect(errorOf(await draft([people.inactive]))).toMatchObject({ code: 'SeparationOfDuties', field: 'namedApprovers', message: expect.stringContaining('Lena Marsh is not active') });
    expect(errorOf(await draft(['11111111-2222-4333-8444-555555555555']))).toMatchObject({ code: 'SeparationOfDuties', field: 'namedApprovers', message: expect.stringContaining('not on the Staff list') });
    expect(await contractsOf(c.caseId)).toEqual([]);
    // A named approver who has since left the Staff list cannot decide either.
    const { contract } = value(await draft([people.otherWorker]));
    const [tomasz] = await world.deps.stores.staff.find({ userId: people.otherWorker });
    if (!tomasz) throw new Error('no Tomasz Frey');
    await world.deps.stores.staff.update(tomasz.id, { active: false }, tomasz.etag);
    expect(errorOf(await decideContract(world.deps, await world.staff(people.otherWorker), { contractId: contract.id, decision: 'approve' })).code).toBe('RoleRequired');
  });

  it('when the author is the only active manager, the form says so and whom to name; the one named approves', async () => {
    const c = await caseAtStep7();
    const [deputy] = await world.deps.stores.staff.find({ userId: people.deputy });
    if (!deputy) throw new Error('no deputy manager');
    await world.deps.stores.staff.update(deputy.id, { active: false }, deputy.etag);

    const alone = await draftAs(people.manager, c);
    expect(cardText(alone.form)).toContain('there is no other active manager: name at least one active member of staff below to approve it');
    expect(cardText(alone.answer)).toContain('No one else may approve this contract');
    expect(cardText(alone.answer)).toContain('Separation of duties');
    expect(await contractsOf(c.caseId)).toEqual([]);

    const named = await draftAs(people.manager, c, people.dsl);
    expect(cardText(named.answer)).toContain('Awaiting approval by Dev Okonjo');
    const [contract] = await contractsOf(c.caseId);
    if (!contract) throw new Error(`no contract: ${cardText(named.answer)}`);
    expect(cardText(await click(people.manager, 'contract.view', { contractId: contract.id }))).toContain('Ask Dev Okonjo.');
    value(await decideContract(world.deps, await world.staff(people.dsl), { contractId: contract.id, decision: 'approve' }));
  });

  it('a pending contract nobody else may approve any more says so, and whom to ask', async () => {
    const c = await caseAtStep7();
    await draftAs(people.manager, c);
    const [contract] = await contractsOf(c.caseId);
    const [deputy] = await world.deps.stores.staff.find({ userId: people.deputy });
    if (!contract || !deputy) throw new Error('no contract or no deputy');
    await world.deps.stores.staff.update(deputy.id, { active: false }, deputy.etag);
    const text = cardText(await click(people.manager, 'contract.view', { contractId: contract.id }));
    expect(text).toContain('Awaiting approval, but no one else may approve it');
    expect(text).toContain('ask the administrator to make another member of staff an active manager');
  });
});
