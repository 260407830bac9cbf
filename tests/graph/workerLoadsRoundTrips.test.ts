import { randomIds } from '../../app/randomIds';
import { workerLoads } from '../../workflow';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, people, value, type World } from '../support/world';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';
import { loggedRequests, roundTripsIn } from './requestLog';

jest.setTimeout(180_000);

/**
 * Issue 17 item 5: the workers' free time at allocation, on the embedded Graph with the reference
 * cache warm. Each worker's open and paused cases are asked for together (one $batch); the
 * ledgers of the open cases drawing on a package (their time records) in one more.
 */
let graph: EmbeddedGraph;
let w: World;
beforeAll(async () => {
  graph = await startEmbeddedGraph({ referenceCache: { refreshMs: 3_600_000, now: () => Date.now() } });
  w = await buildWorld('2026-09-14T09:00:00Z', { ...graph.ports, ids: randomIds });
  await caseSteps(w).refer('100001', { child: childDetails((await w.schoolByUrn('100001')).id, { lastName: 'Warmup' }) });
});
afterAll(async () => {
  await graph.stop();
});

async function measured() {
  const manager = await w.staff(people.manager);
  await graph.resetRequests();
  const loads = value(await workerLoads(w.deps, manager));
  return { loads, roundTrips: roundTripsIn(await loggedRequests(graph)).length };
}

it('workerLoads: 1 round trip with no case on a package, 2 once a case draws on one (its ledger)', async () => {
  const steps = caseSteps(w);
  const school = await w.schoolByUrn('100001');
  const opened = await steps.refer('100001', { child: childDetails(school.id, { lastName: 'Loadfield' }) });
  await steps.allocate(opened.case.id);
  const before = await measured();
  expect(before.roundTrips).toBe(1);
  expect(before.loads.find((l) => l.worker.userId === people.worker)?.free).toMatchObject({ committed: 7 });

  await steps.toContractInForce();
  const after = await measured();
  expect(after.roundTrips).toBe(2);
  // The new case under contract: Silver's 13 h over 30 school days of support, 15 in autumn 1 = 6.5 h.
  expect(after.loads.find((l) => l.worker.userId === people.worker)?.free?.committed).toBe(7 + 6.5);
});
