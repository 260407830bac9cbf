import { GraphError } from '@microsoft/microsoft-graph-client';
import { bulkInsertListItems } from '@outreach/graph-emulator';
import { myCases, pauseCase, setConsent, submitReferral } from '../../workflow';
import { randomIds } from '../../app/randomIds';
import { sampleCase } from '../contract/samples';
import { referral, seenOutcome } from '../support/caseSteps';
import { walkCaseToClosure } from '../support/walkCase';
import { buildWorld, key, people, value } from '../support/world';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';

jest.setTimeout(120_000);

let graph: EmbeddedGraph;
beforeAll(async () => {
  graph = await startEmbeddedGraph();
});
afterAll(async () => {
  await graph.stop();
});
afterEach(async () => {
  await graph.clearFaults();
});

const world = () => buildWorld('2026-09-14T09:00:00Z', { ...graph.ports, ids: randomIds });

describe('the process through the SharePoint adapters on the embedded Graph', () => {
  it('walks a case through all ten steps to closure', async () => {
    const w = await world();
    const closed = await walkCaseToClosure(w);
    const mailbox = JSON.stringify(await graph.mailbox());
    expect(mailbox).toContain(`End of Outreach Report for case ${closed.reference}`);
  });

  it('a double-submitted referral makes one case', async () => {
    const w = await world();
    const school = await w.schoolByUrn('100002');
    const form = referral(school.id, { child: { ...referral(school.id).child, firstName: 'Quinn', lastName: 'Doubleclick' } });
    const admin = await w.staff(people.admin);
    const [a, b] = await Promise.all([submitReferral(w.deps, admin, form), submitReferral(w.deps, admin, form)]);
    expect(seenOutcome(value(a)).case.id).toBe(seenOutcome(value(b)).case.id);
    const child = seenOutcome(value(a)).child;
    expect(await w.deps.stores.cases.find({ childId: child.id })).toHaveLength(1);
    expect(await w.deps.stores.children.find({ matchKey: child.matchKey })).toHaveLength(1);
  });

  it('Non-Latin names collapse: on SharePoint, three scripts with one birthday stay three children, and each is found again', async () => {
    const w = await world();
    const school = await w.schoolByUrn('100002');
    const admin = await w.staff(people.admin);
    const child = (firstName: string, lastName: string) => ({ child: { ...referral(school.id).child, firstName, lastName, dateOfBirth: '2016-05-02' } });
    const names = [['Иван', 'Петров'], ['李', '王'], ['Ωμέγα', 'Αλφα'], ['Seán', "O'Connor"]] as const;
    const opened = [];
    for (const [first, last] of names) opened.push(seenOutcome(value(await submitReferral(w.deps, admin, referral(school.id, child(first, last))))));
    expect(new Set(opened.map((o) => o.child.id)).size).toBe(names.length);
    for (const [i, [first, last]] of names.entries()) {
      const again = seenOutcome(value(await submitReferral(w.deps, admin, referral(school.id, child(` ${first.toUpperCase()}\u200B`, last.toLowerCase())))));
      expect([first, again.outcome, again.case.id]).toEqual([first, 'existing-open-case', opened[i]?.case.id]);
      expect(await w.deps.stores.children.find({ matchKey: again.child.matchKey })).toHaveLength(1);
    }
  });

  it('two people changing a case at once: the second write gets 412, re-reads, and both changes survive', async () => {
    const w = await world();
    const school = await w.schoolByUrn('100003');
    const opened = seenOutcome(value(await submitReferral(w.deps, await w.staff(people.admin), referral(school.id, { child: { ...referral(school.id).child, lastName: 'Racer' } }))));
    await graph.resetRequests();
    const manager = await w.staff(people.manager);
    // Both read the case in the same turn (one $batch), then both write with the ETag they read: one meets 412.
    const [paused, consent] = await Promise.all([
      pauseCase(w.deps, manager, { caseId: opened.case.id, requestKey: key(), reason: 'Family holiday' }),
      setConsent(w.deps, manager, { caseId: opened.case.id, consent: 'withdrawn' }),
    ]);
    expect(paused.ok && consent.ok).toBe(true);
    const stored = await w.deps.stores.cases.get(opened.case.id);
    expect(stored).toMatchObject({ status: 'paused', consent: 'withdrawn' });
    const log = await graph.requests();
    expect(JSON.stringify(log)).toContain('412');
  });

  it('with 20% injected 429/503 and writes that commit before a 503, the walk completes with nothing doubled or missing', async () => {
    const w = await world();
    await graph.setFaults({ rate: 0.2, statuses: [429, 503], retryAfterSeconds: 0, failAfterCommitRate: 0.1, seed: 36 });
    const closed = await walkCaseToClosure(w);
    await graph.clearFaults();
    const records = await w.deps.stores.records.find({ caseId: closed.id });
    // The walk's nine, and its eleven documents' records (issue 15: the information request's three, two observation
    // forms, the meeting record, the contract, the closing's four).
    expect(records).toHaveLength(20);
    const ofChild = await w.deps.stores.cases.find({ childId: closed.childId });
    expect(ofChild.filter((c) => c.referralKey === closed.referralKey)).toHaveLength(1);
    expect(await w.deps.stores.children.find({ schoolId: closed.schoolId })).toHaveLength(1);
    expect(await w.deps.stores.contracts.find({ caseId: closed.id })).toHaveLength(1);
    const log = JSON.stringify(await graph.requests());
    expect(log).toMatch(/"status":\s*(429|503)/);
  });

  it('with 6,000 cases in the list, the caseload queries still answer through indexed filters', async () => {
    const w = await world();
    const listId = graph.site.listPaths.cases.split('/').at(-1) as string;
    const many = Array.from({ length: 6000 }, (_, i) => {
      const reference = `OC-25-${i.toString(36).toUpperCase().padStart(5, '0')}`;
      const payload = { ...sampleCase(i), reference, childId: `child-${i}`, schoolId: 'school-x', status: i % 10 === 0 ? 'open' : 'closed', workerId: i % 10 === 0 ? people.otherWorker : people.dsl };
      return {
        Title: reference,
        IdempotencyKey: `seed-${i}`,
        Payload: JSON.stringify(payload),
        CaseReference: reference,
        ChildId: `child-${i}`,
        SchoolId: 'school-x',
        WorkerId: payload.workerId,
        Status: payload.status,
      };
    });
    bulkInsertListItems(graph.dataDir, listId, many);
    const mine = await w.deps.stores.cases.find({ workerId: people.otherWorker, status: 'open' });
    expect(mine).toHaveLength(600);
    const worker = await w.staff(people.worker);
    value(await myCases(w.deps, worker));
  });

  it('the embedded Graph refuses a request outside the Graph metadata, and a list item field that is not a column', async () => {
    await expect(graph.client.api(`/sites/${graph.site.siteId}/listz`).get()).rejects.toMatchObject({ statusCode: 400 });
    const unknownField = graph.client.api(`${graph.site.listPaths.cases}/items`).post({ fields: { Title: 'x', NotAColumn: 'y' } });
    await expect(unknownField).rejects.toBeInstanceOf(GraphError);
    await expect(unknownField).rejects.toMatchObject({ statusCode: 400, message: expect.stringContaining('NotAColumn') });
    const unknownProperty = graph.client.api(`${graph.site.listPaths.cases}/items`).post({ fields: { Title: 'x' }, notAProperty: true });
    await expect(unknownProperty).rejects.toMatchObject({ statusCode: 400 });
  });
});
