import { listMyCases, viewCase, type AuditLog } from '../../workflow';
import { randomIds } from '../../app/randomIds';
import { SharePointAuditLog } from '../../graph/sharepoint/auditLog';
import { caseSteps } from '../support/caseSteps';
import { walkCaseToClosure } from '../support/walkCase';
import { buildWorld, people, value } from '../support/world';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';

jest.setTimeout(180_000);

let graph: EmbeddedGraph;
beforeAll(async () => {
  graph = await startEmbeddedGraph();
});
afterAll(async () => {
  await graph.stop();
});

describe('Audit gaps: nothing changes or deletes an audit entry', () => {
  it('the AuditLog port, and its SharePoint adapter, can only append and read', () => {
    type Beyond = Exclude<keyof AuditLog, 'append' | 'forCase'>;
    const nothingBeyond: [Beyond] extends [never] ? true : false = true;
    expect(nothingBeyond).toBe(true);
    expect(Object.getOwnPropertyNames(SharePointAuditLog.prototype).sort()).toEqual(['append', 'constructor', 'forCase']);
  });

  it('a whole case walked through the SharePoint adapters, with writes answering 503 after committing, only ever POSTs to the AuditLog list', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z', { ...graph.ports, ids: randomIds });
    await graph.resetRequests();
    await graph.setFaults({ failAfterCommitRate: 0.1, retryAfterSeconds: 0, seed: 7 });
    const closed = await walkCaseToClosure(world);
    const open = await caseSteps(world).refer('100002');
    value(await listMyCases(world.deps, await world.staff(people.manager), 25));
    value(await viewCase(world.deps, await world.staff(people.admin), { caseId: closed.id }));
    await graph.clearFaults();
    const auditList = graph.site.listPaths.audit.split('/').at(-1) ?? '';
    const log = await graph.requests();
    const toAudit = (log.entries ?? []).filter((e) => e.path.includes(`/lists/${auditList}`) || e.path.includes('/lists/AuditLog'));
    const methods = new Set(toAudit.map((e) => e.method));
    expect([...methods].sort()).toEqual(['GET', 'POST']);
    expect(toAudit.filter((e) => e.method === 'POST' && e.status === 201).length).toBeGreaterThan(5);
    expect((await world.deps.audit.forCase(closed.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['case.read', 'case.closed']));
    expect((await world.deps.audit.forCase(open.case.id)).map((e) => e.action)).toEqual(['case.referral-logged', 'case.listed']);
  });
});
