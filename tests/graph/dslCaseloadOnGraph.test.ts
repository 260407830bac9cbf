import { caseloadPage, raiseSafeguardingConcern } from '../../workflow';
import { randomIds } from '../../app/randomIds';
import { freshObservation } from '../contract/samples/recordSamples';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, key, people, value } from '../support/world';
import { loggedRequests } from './requestLog';
import { useEmbeddedGraph } from './embeddedGraph';

jest.setTimeout(120_000);

const graph = useEmbeddedGraph();

describe("the DSL's caseload on SharePoint: the cases with a concern found with one query on the indexed Safeguarding column", () => {
  it('lists the case whose concern was raised, not the others, with one CaseRecords query (not one per case)', async () => {
    const world = await buildWorld('2026-09-14T09:00:00Z', { ...graph().ports, ids: randomIds });
    const steps = caseSteps(world);
    const school = await world.schoolByUrn('100001');
    const cases = [];
    for (let n = 0; n < 4; n += 1) {
      const made = (await steps.refer('100001', { child: childDetails(school.id, { firstName: `Wren${n}`, lastName: 'Ashcombe' }) })).case;
      await steps.allocate(made.id, 'otherWorker');
      await world.deps.stores.records.create({ ...freshObservation(), caseId: made.id }, key('record'));
      cases.push(made);
    }
    const [withConcern] = cases;
    if (!withConcern) throw new Error('no case made');
    value(await raiseSafeguardingConcern(world.deps, await world.staff(people.otherWorker), { caseId: withConcern.id, requestKey: key('sg'), concern: 'Unexplained bruise.', actionTaken: 'Told the DSL.' }));
    const recordsList = graph().site.listPaths.records.split('/').at(-1) as string;
    await graph().resetRequests();
    const page = value(await caseloadPage(world.deps, await world.staff(people.dsl), {}));
    expect(page.rows.map((r) => [r.case.reference, r.asDsl])).toEqual([[withConcern.reference, true]]);
    const recordReads = (await loggedRequests(graph())).filter((e) => e.method === 'GET' && e.path.includes(`/lists/${recordsList}/`));
    expect(recordReads).toHaveLength(1);
  });
});
