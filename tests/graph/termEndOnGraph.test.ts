import { randomIds } from '../../app/randomIds';
import { jobHandlers, runDueJobs } from '../../workflow';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, type World } from '../support/world';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';

jest.setTimeout(120_000);

/** Issue 14: the term-end evaluation request on the embedded Graph: the job queued with the allocation's $batch, once per school, the mail sent once. */
let graph: EmbeddedGraph;
let w: World;
beforeAll(async () => {
  graph = await startEmbeddedGraph();
  w = await buildWorld('2026-09-14T09:00:00Z', { ...graph.ports, ids: randomIds });
});
afterAll(async () => {
  await graph.stop();
});

const evaluationSubjects = async () => ((await graph.mailbox()) as { value: Array<{ subject: string }> }).value.map((m) => m.subject).filter((s) => s.includes('evaluation request'));

describe('term-end evaluation requests in the SharePoint Jobs list', () => {
  it('two cases of one school allocated: one job for the term; at its end one mail, and two instances at once send it once', async () => {
    const kestrel = await w.schoolByUrn('100003');
    const first = await caseSteps(w).refer('100003');
    const second = await caseSteps(w).refer('100003', { child: childDetails(kestrel.id, { firstName: 'Sky', lastName: 'Secondfield' }) });
    await caseSteps(w).allocate(first.case.id);
    await caseSteps(w).allocate(second.case.id, 'otherWorker');
    const queued = await w.deps.jobs.upcoming(new Date('2026-09-14T00:00:00Z'), new Date('2027-01-01T00:00:00Z'), 50);
    expect(queued.filter((j) => j.kind === 'term-evaluation').map((j) => [j.payload.termStart, j.dueAt])).toEqual([['2026-09-02', '2026-12-16T15:30:00.000Z']]);

    w.memory.clock.set('2026-12-16T15:30:00Z');
    await Promise.all([runDueJobs(w.deps, w.deps.jobs, jobHandlers, 'instance-a'), runDueJobs(w.deps, w.deps.jobs, jobHandlers, 'instance-b')]);
    expect(await evaluationSubjects()).toEqual(['Outreach Service: evaluation request for the autumn term 2026-27']);
    w.memory.clock.set('2026-12-17T09:00:00Z');
    await runDueJobs(w.deps, w.deps.jobs, jobHandlers, 'instance-a');
    expect(await evaluationSubjects()).toHaveLength(1);
  });
});
