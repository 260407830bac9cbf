import { VersionConflict } from '../../workflow';
import { useEmbeddedGraph } from './embeddedGraph';
import { sampleSchool as school } from './referenceSamples';

jest.setTimeout(60_000);

const embedded = useEmbeddedGraph();

describe('an update whose write lands and then answers 503', () => {
  it('A false conflict after 503-after-commit: the retry gets 412, the store sees its own write landed and carries on', async () => {
    const graph = embedded();
    const { schools } = graph.ports.stores;
    const made = (await schools.create(school('300001', 'Ash Grove Academy'), 'school-300001')).item;
    await graph.resetRequests();
    await graph.setFaults({ rate: 0, failAfterCommitRate: 1, retryAfterSeconds: 0 });
    const saved = await schools.update(made.id, { name: 'Ash Grove College' }, made.etag);
    await graph.clearFaults();
    const log = ((await graph.requests()).entries ?? []).filter((e) => e.method === 'PATCH').map((e) => e.status);
    expect(log).toEqual([503, 412]);
    const stored = await schools.get(made.id);
    expect(stored).toMatchObject({ name: 'Ash Grove College', etag: saved.etag });
    // The ETag it answers is current: the next update goes through.
    await expect(schools.update(made.id, { name: 'Ash Grove Sixth Form' }, saved.etag)).resolves.toMatchObject({ name: 'Ash Grove Sixth Form' });
  });

  it('a real conflict (someone else changed the item) is still a VersionConflict', async () => {
    const graph = embedded();
    const { schools } = graph.ports.stores;
    const made = (await schools.create(school('300002', 'Birch Hill Academy'), 'school-300002')).item;
    const { id: _id, etag: _etag, ...payload } = made;
    await graph.client.api(`${graph.site.listPaths.schools}/items/${made.id}/fields`).patch({ Payload: JSON.stringify({ ...payload, name: 'Birch Hill School' }) });
    await expect(schools.update(made.id, { name: 'Birch Hill College' }, made.etag)).rejects.toBeInstanceOf(VersionConflict);
    expect(await schools.get(made.id)).toMatchObject({ name: 'Birch Hill School' });
  });
});
