import { completeCase, currentStep, logTime, recordReview, requestInformation, viewCase } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, key, people, value } from '../support/world';

describe('a case walked through all ten steps to closure', () => {
  it('moves step by step from referral to a closed case with the report filed and sent', async () => {
    const world = await buildWorld();
    const steps = caseSteps(world);
    const manager = await world.staff(people.manager);
    const worker = await world.staff(people.worker);

    const opened = await steps.refer();
    if (opened.outcome !== 'case-opened') throw new Error(opened.outcome);
    const id = opened.case.id;
    expect(opened.case.reference).toMatch(/^OC-26-[0-9A-Z]{5}$/);
    expect(opened.case.step).toBe(2);
    expect(opened.warnings).toEqual([]);
    expect(world.memory.folders.folderPaths()).toContain(`${opened.child.reference} Testfield/${opened.case.reference}`);

    value(await requestInformation(world.deps, await world.staff(people.admin), { caseId: id }));
    expect(world.memory.mailer.outbox.at(-1)?.subject).toContain(opened.case.reference);
    expect(world.memory.mailer.outbox.at(-1)?.subject).not.toContain('Testfield');

    await steps.allocate(id);
    expect(world.memory.notifier.sent.at(-1)).toMatchObject({ kind: 'case-allocated', recipientId: people.worker });
    expect((await steps.informationReturned(id)).case.step).toBe(3);
    expect((await steps.observe(id)).case.step).toBe(4);
    expect((await steps.schoolMeeting(id)).case.step).toBe(5);
    expect((await steps.homeVisit(id)).case.step).toBe(6);
    expect((await steps.observe(id, '2026-09-30')).case.step).toBe(7);

    const { contract } = await steps.contract(id);
    expect(contract.status).toBe('awaiting-approval');
    expect(contract.supportEnds).toBe('2026-11-20');
    expect(world.memory.notifier.sent.at(-1)).toMatchObject({ kind: 'contract-awaiting-approval', recipientId: people.manager });
    await steps.approve(contract.id);
    expect(world.memory.notifier.sent.at(-1)).toMatchObject({ kind: 'contract-decided', recipientId: people.worker });

    expect((await steps.support(id)).case.step).toBe(9);
    const time = value(await logTime(world.deps, worker, { caseId: id, requestKey: key('time'), on: '2026-10-06', hours: 1.5, activity: 'direct-work' }));
    expect(time.ledger.totals.used).toBe(1.5);

    value(
      await recordReview(world.deps, worker, {
        caseId: id,
        requestKey: key('review'),
        heldOn: '2026-11-19',
        outcome: 'end',
        summary: 'Targets met; strategies embedded.',
        destination: 'mainstream',
      }),
    );
    const closed = value(await completeCase(world.deps, worker, { caseId: id }));
    expect(closed.status).toBe('closed');
    expect(closed.closure).toMatchObject({ how: 'review-ended', destination: 'mainstream', by: people.worker });
    expect(currentStep(closed)).toBe(10);
    const files = world.memory.folders.filesIn(`${opened.child.reference} Testfield/${opened.case.reference}`);
    expect(files.map((f) => f.name)).toEqual([`End of Outreach Report ${opened.case.reference}.html`]);
    const subjects = world.memory.mailer.outbox.map((m) => m.subject);
    expect(subjects.some((s) => s.includes('End of Outreach Report'))).toBe(true);
    expect(subjects.some((s) => s.includes('evaluation'))).toBe(true);

    const view = value(await viewCase(world.deps, manager, { caseId: id }));
    expect(view.contracts.map((k) => k.status)).toEqual(['ended']);
    const actions = (await world.deps.audit.forCase(id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['case.referral-logged', 'case.allocated', 'contract.drafted', 'contract.approved', 'case.closed', 'case.read']));
  });
});
