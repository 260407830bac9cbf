import { VersionConflict } from '../../workflow';
import { useEmbeddedGraph } from './embeddedGraph';
import { sampleSchool as school, sampleStaff as staff } from './referenceSamples';

jest.setTimeout(60_000);

const interval = 60_000;
/** The settable clock the cache reads (milliseconds). */
let now = Date.parse('2026-09-14T09:00:00Z');
const embedded = useEmbeddedGraph({ referenceCache: { refreshMs: interval, now: () => now } });

/** Graph requests since the last reset that read or wrote list items. */
const itemRequests = async (): Promise<string[]> =>
  ((await embedded().requests()).entries ?? []).filter((e) => e.path.includes('/items')).map((e) => `${e.method} ${e.status}`);

/** What a person editing the item in SharePoint does: the stored record changes, not through the app. */
const editByHand = async (listPath: string, id: string, payload: Record<string, unknown>): Promise<void> => {
  await embedded().client.api(`${listPath}/items/${id}/fields`).patch({ Payload: JSON.stringify(payload) });
};

describe('reference data cached in the app (Staff, Schools, Purchases)', () => {
  it('is read once: repeated lookups make no Graph request', async () => {
    const graph = embedded();
    const { stores } = graph.ports;
    const made = (await stores.schools.create(school('200001', 'Oakfield Primary'), 'school-200001')).item;
    await stores.schools.list();
    await graph.resetRequests();
    for (let i = 0; i < 5; i += 1) {
      expect((await stores.schools.get(made.id))?.name).toBe('Oakfield Primary');
      expect(await stores.schools.find({ urn: '200001' })).toHaveLength(1);
    }
    expect(await itemRequests()).toEqual([]);
  });

  it("the app's own write shows at once", async () => {
    const graph = embedded();
    const { stores } = graph.ports;
    const made = (await stores.schools.create(school('200002', 'Beech Lane Primary'), 'school-200002')).item;
    expect((await stores.schools.find({ urn: '200002' })).map((s) => s.name)).toEqual(['Beech Lane Primary']);
    const renamed = await stores.schools.update(made.id, { name: 'Beech Lane Academy' }, made.etag);
    await graph.resetRequests();
    expect((await stores.schools.get(made.id))?.name).toBe('Beech Lane Academy');
    expect((await stores.schools.list()).find((s) => s.id === made.id)).toMatchObject({ name: 'Beech Lane Academy', etag: renamed.etag });
    expect(await itemRequests()).toEqual([]);
  });

  it('a change made by hand in SharePoint shows within the interval, with one cheap check per interval', async () => {
    const graph = embedded();
    const { stores } = graph.ports;
    const made = (await stores.schools.create(school('200003', 'Hazel Road Primary'), 'school-200003')).item;
    const { id: _id, etag: _etag, ...payload } = made;
    await editByHand(graph.site.listPaths.schools, made.id, { ...payload, name: 'Hazel Road Juniors' });
    await graph.resetRequests();
    now += interval - 1_000;
    expect((await stores.schools.get(made.id))?.name).toBe('Hazel Road Primary');
    expect(await itemRequests()).toEqual([]);
    now += 1_000;
    expect((await stores.schools.get(made.id))?.name).toBe('Hazel Road Juniors');
    // The check (ids and eTags only) found a change, so the list was read again: two requests.
    expect(await itemRequests()).toEqual(['GET 200', 'GET 200']);
    await graph.resetRequests();
    now += interval;
    await stores.schools.find({ urn: '200003' });
    expect(await itemRequests()).toEqual(['GET 200']);
  });

  it('an item added by hand shows within the interval', async () => {
    const graph = embedded();
    const { stores } = graph.ports;
    await stores.staff.create(staff('user-existing', 'Existing Worker', 'existing@outreach.example.org'), 'staff-existing');
    expect(await stores.staff.list()).toHaveLength(1);
    const added = staff('hand-added-user', 'New Starter', 'New.Starter@Outreach.example.org');
    await graph.client
      .api(`${graph.site.listPaths.staff}/items`)
      .post({ fields: { Title: added.displayName, Payload: JSON.stringify(added), UserId: added.userId, Email: added.email, Active: true, IdempotencyKey: 'by-hand-1' } });
    expect(await stores.staff.find({ userId: 'hand-added-user' })).toEqual([]);
    now += interval;
    // Text columns compare as SharePoint compares them: case does not matter.
    expect((await stores.staff.find({ email: 'new.starter@outreach.example.org' })).map((s) => s.displayName)).toEqual(['New Starter']);
    expect((await stores.staff.find({ active: true })).map((s) => s.userId).sort()).toEqual(['hand-added-user', 'user-existing']);
  });

  it('an update refused because of a change by hand (412) makes the next read look again, without waiting for the interval', async () => {
    const graph = embedded();
    const { stores } = graph.ports;
    const made = (await stores.schools.create(school('200004', 'Elm Tree Primary'), 'school-200004')).item;
    const { id: _id, etag: _etag, ...payload } = made;
    await editByHand(graph.site.listPaths.schools, made.id, { ...payload, name: 'Elm Tree Infants' });
    await expect(stores.schools.update(made.id, { name: 'Elm Tree School' }, made.etag)).rejects.toBeInstanceOf(VersionConflict);
    expect((await stores.schools.get(made.id))?.name).toBe('Elm Tree Infants');
  });
});
