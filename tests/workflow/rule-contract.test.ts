import { decideContract, draftContract, recordSupportSession } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, errorOf, key, onTheDay, people, value } from '../support/world';

async function atStep7() {
  const world = await buildWorld();
  const steps = caseSteps(world);
  const opened = await steps.refer();
  const id = opened.case.id;
  await steps.allocate(id);
  await steps.informationReturned(id);
  await steps.observe(id);
  await steps.schoolMeeting(id);
  await steps.homeVisit(id);
  await steps.observe(id, '2026-09-30');
  return { world, steps, id };
}

describe('Rule "Contract": targets, support, packages, start and an agreed review date', () => {
  it('refuses a contract without a review date, naming the field', async () => {
    const { world, steps, id } = await atStep7();
    const purchases = await world.deps.stores.purchases.find({ schoolId: (await world.deps.stores.cases.get(id))?.schoolId ?? '' });
    const result = await draftContract(world.deps, await world.staff(people.worker), {
      caseId: id,
      requestKey: key(),
      targets: ['t'],
      support: 's',
      purchaseIds: [purchases[1]?.id],
      startDate: '2026-10-05',
    });
    expect(errorOf(result)).toMatchObject({ code: 'ValidationFailed', field: 'reviewDate' });
    void steps;
  });

  it('refuses a contract with no targets or no package', async () => {
    const { world, id } = await atStep7();
    const worker = await world.staff(people.worker);
    const base = { caseId: id, requestKey: key(), support: 's', startDate: '2026-10-05', reviewDate: '2026-11-30' };
    expect(errorOf(await draftContract(world.deps, worker, { ...base, targets: [], purchaseIds: ['1'] }))).toMatchObject({ field: 'targets' });
    expect(errorOf(await draftContract(world.deps, worker, { ...base, targets: ['t'], purchaseIds: [] }))).toMatchObject({ field: 'purchaseIds' });
  });

  it('refuses a review date after the end of the half-term in which the 6 school weeks end', async () => {
    const { world, steps, id } = await atStep7();
    // 6 school weeks from 5 Oct 2026 skip the October half-term and end on 20 Nov; that half-term ends 18 Dec.
    const tooLate = await draftContractWith(world, steps, id, { reviewDate: '2027-01-05' });
    expect(errorOf(tooLate)).toMatchObject({ code: 'ContractReviewDateTooLate', rule: 'Contract', field: 'reviewDate' });
    expect(errorOf(tooLate).message).toContain('Fri 18 Dec 2026');
    const lastDay = value(await draftContractWith(world, steps, id, { reviewDate: '2026-12-18' }));
    expect(lastDay.contract.supportEnds).toBe('2026-11-20');
  });

  it('refuses a review date before the start', async () => {
    const { world, steps, id } = await atStep7();
    expect(errorOf(await draftContractWith(world, steps, id, { reviewDate: '2026-10-01' }))).toMatchObject({ code: 'ContractReviewBeforeStart' });
  });

  it('uses the school\'s own term dates (an academy with a two-week October break)', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId } = await steps.toContractInForce('100003');
    const c = await world.deps.stores.cases.get(caseId);
    // Brookfield: autumn 1 ends 16 Oct, autumn 2 starts 2 Nov: 10 days before, 20 after, ending 27 Nov.
    expect(c?.contractInForce?.supportEnds).toBe('2026-11-27');
  });

  it('takes effect only when the manager approves it', async () => {
    const { world, steps, id } = await atStep7();
    const { contract } = await steps.contract(id);
    const worker = await world.staff(people.worker);
    const early = await recordSupportSession(world.deps, worker, { caseId: id, requestKey: key(), deliveredOn: '2026-10-06', hours: 1, withWhom: 'pupil', summary: 's' });
    expect(errorOf(early).code).toBe('OrderRule');
    expect(errorOf(await decideContract(world.deps, worker, { contractId: contract.id, decision: 'approve' }))).toMatchObject({ code: 'SeparationOfDuties', rule: 'Separation of duties' });
    await steps.approve(contract.id);
    value(await onTheDay(world, '2026-10-06', () => recordSupportSession(world.deps, worker, { caseId: id, requestKey: key(), deliveredOn: '2026-10-06', hours: 1, withWhom: 'pupil', summary: 's' })));
  });

  it('refuses support in a 7th school week under one contract', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const { caseId } = await steps.toContractInForce();
    await steps.support(caseId, '2026-11-20');
    const seventh = await recordSupportSession(world.deps, await world.staff(people.worker), {
      caseId,
      requestKey: key(),
      deliveredOn: '2026-11-23',
      hours: 1,
      withWhom: 'pupil',
      summary: 'Week 7',
    });
    expect(errorOf(seventh)).toMatchObject({ code: 'SupportPeriodEnded', rule: 'Contract' });
  });

  it('returns a contract to the worker with the reason when changes are requested, and a new version can follow', async () => {
    const { world, steps, id } = await atStep7();
    const { contract } = await steps.contract(id);
    const manager = await world.staff(people.manager);
    expect(errorOf(await decideContract(world.deps, manager, { contractId: contract.id, decision: 'request-changes' }))).toMatchObject({ field: 'reason' });
    const returned = value(await decideContract(world.deps, manager, { contractId: contract.id, decision: 'request-changes', reason: 'Make the targets measurable.' }));
    expect(returned.status).toBe('changes-requested');
    expect(world.memory.notifier.sent.at(-1)).toMatchObject({ kind: 'contract-decided', recipientId: people.worker });
    expect(world.memory.notifier.sent.at(-1)?.summary).toContain('Make the targets measurable.');
    const second = await steps.contract(id);
    expect(second.contract.version).toBe(2);
  });

  it('a second decision on a decided contract is told who decided and when (stale card, two approvers)', async () => {
    const { world, steps, id } = await atStep7();
    const { contract } = await steps.contract(id);
    const manager = await world.staff(people.manager);
    const [a, b] = await Promise.all([
      decideContract(world.deps, manager, { contractId: contract.id, decision: 'approve' }),
      decideContract(world.deps, manager, { contractId: contract.id, decision: 'request-changes', reason: 'x' }),
    ]);
    const outcomes = [a, b].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
    expect(outcomes).toEqual(['AlreadyDone', 'ok']);
    const stored = await world.deps.stores.contracts.get(contract.id);
    expect(stored?.decisions).toHaveLength(1);
  });
});

describe('draftContract repeats: the request key is looked up first', () => {
  const draftInput = async (world: Awaited<ReturnType<typeof buildWorld>>, id: string) => {
    const c = await world.deps.stores.cases.get(id);
    const [silver] = (await world.deps.stores.purchases.find({ schoolId: c?.schoolId ?? '' })).filter((p) => p.packageCode === 'silver');
    return { caseId: id, requestKey: key('contract'), targets: ['t'], support: 's', purchaseIds: [silver?.id ?? ''], startDate: '2026-10-05', reviewDate: '2026-11-30' };
  };

  it('a 503 after the contract was written, then the retry: one contract, repeated, and the follow-ups run once', async () => {
    const { world, id } = await atStep7();
    const worker = await world.staff(people.worker);
    const input = await draftInput(world, id);
    // The Contracts list commits the item, then the answer is lost (Graph's 503 after a committed write).
    const contracts = world.deps.stores.contracts;
    const create = contracts.create.bind(contracts);
    let faults = 1;
    contracts.create = async (item, idempotencyKey) => {
      const created = await create(item, idempotencyKey);
      if (faults-- > 0) throw new Error('503 Service Unavailable (after the write committed)');
      return created;
    };
    await expect(draftContract(world.deps, worker, input)).rejects.toThrow('503');
    expect(await contracts.find({ caseId: id })).toHaveLength(1);
    expect((await world.deps.stores.cases.get(id))?.purchaseIds).not.toContain(input.purchaseIds[0]);

    const retried = value(await draftContract(world.deps, worker, input));
    expect(retried.repeated).toBe(true);
    expect(retried.contract.status).toBe('awaiting-approval');
    expect(await contracts.find({ caseId: id })).toHaveLength(1);
    expect((await world.deps.stores.cases.get(id))?.purchaseIds).toContain(input.purchaseIds[0]);
    const told = world.memory.notifier.sent.filter((n) => n.kind === 'contract-awaiting-approval' && n.recipientId === people.manager);
    expect(told).toHaveLength(1);
    expect(world.memory.audit.all().filter((e) => e.action === 'contract.drafted')).toHaveLength(1);
  });

  it('a double click is a repeat (not "already awaiting approval"); a second draft with a new key is still refused', async () => {
    const { world, id } = await atStep7();
    const worker = await world.staff(people.worker);
    const input = await draftInput(world, id);
    const first = value(await draftContract(world.deps, worker, input));
    const again = value(await draftContract(world.deps, worker, input));
    expect(first.repeated).toBe(false);
    expect(again).toMatchObject({ repeated: true, contract: { id: first.contract.id } });
    expect(world.memory.notifier.sent.filter((n) => n.kind === 'contract-awaiting-approval' && n.recipientId === people.manager)).toHaveLength(1);
    expect(errorOf(await draftContract(world.deps, worker, { ...input, requestKey: key('contract') }))).toMatchObject({ code: 'InvalidState', rule: 'Contract', field: 'replace' });
  });
});

async function draftContractWith(world: Awaited<ReturnType<typeof buildWorld>>, _steps: unknown, id: string, terms: Record<string, unknown>) {
  const c = await world.deps.stores.cases.get(id);
  const [silver] = (await world.deps.stores.purchases.find({ schoolId: c?.schoolId ?? '' })).filter((p) => p.packageCode === 'silver');
  return draftContract(world.deps, await world.staff(people.worker), {
    caseId: id,
    requestKey: key(),
    targets: ['t'],
    support: 's',
    purchaseIds: [silver?.id],
    startDate: '2026-10-05',
    reviewDate: '2026-11-30',
    ...terms,
  });
}
