import { randomIds } from '../../app/randomIds';
import { VersionConflict } from '../../workflow';
import { caseSteps } from '../support/caseSteps';
import { buildWorld, people } from '../support/world';
import { useEmbeddedGraph } from './embeddedGraph';

jest.setTimeout(60_000);

const embedded = useEmbeddedGraph();
const world = () => buildWorld('2026-09-14T09:00:00Z', { ...embedded().ports, ids: randomIds });
const requestsMade = async (): Promise<number> =>
  (((await embedded().requests()) as unknown as { entries: Array<{ path: string }> }).entries ?? []).filter((e) => e.path !== '/$batch').length;

describe('one user action reads an item or a query once, and sees its own writes', () => {
  it('two reads of one case started at once are one request; a query asked again shows the record created since and the case as updated', async () => {
    const w = await world();
    const { caseId } = await caseSteps(w).toStep(3, 'worker', '100005');
    const { stores, batching } = w.deps;
    await embedded().resetRequests();
    await batching.oneAction(async () => {
      const [a, b] = await Promise.all([stores.cases.get(caseId), stores.cases.get(caseId)]);
      expect(a?.etag).toBe(b?.etag);
      const before = await stores.records.find({ caseId });
      expect(await requestsMade()).toBe(2);
      const at = new Date().toISOString();
      const { item: added } = await stores.records.create(
        { caseId, step: 3, safeguarding: false, locked: false, body: { kind: 'chronology', on: '2026-09-14', category: 'note', note: 'Phoned the school.' }, createdBy: people.worker, createdAt: at, updatedBy: people.worker, updatedAt: at },
        `${caseId}:scope-test`,
      );
      const updated = await stores.cases.update(caseId, { consent: 'refused' }, a?.etag ?? '');
      await embedded().resetRequests();
      const after = await stores.records.find({ caseId });
      expect(after.map((r) => r.id)).toEqual([...before.map((r) => r.id), added.id]);
      expect(await stores.cases.get(caseId)).toMatchObject({ consent: 'refused', etag: updated.etag });
      expect(await stores.records.find({ caseId: 'another case' })).toEqual([]);
      expect(await requestsMade()).toBe(1); // only the query never asked before
    });
    // Outside the action, reads go to SharePoint again.
    await embedded().resetRequests();
    await stores.cases.get(caseId);
    expect(await requestsMade()).toBe(1);
  });

  it('work an action started that outlives it reads SharePoint afresh', async () => {
    const w = await world();
    const { caseId } = await caseSteps(w).toStep(3, 'worker', '100007');
    const { stores, batching } = w.deps;
    let later!: Promise<unknown>;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    await batching.oneAction(async () => {
      await stores.cases.get(caseId);
      later = finished.then(() => stores.cases.get(caseId));
    });
    await embedded().resetRequests();
    finish();
    await later;
    expect(await requestsMade()).toBe(1);
  });

  it('an update refused with 412 drops what the action saw of the item: the next read fetches the newer version', async () => {
    const w = await world();
    const { caseId } = await caseSteps(w).toStep(3, 'worker', '100006');
    const { stores, batching } = w.deps;
    let seenAt!: (etag: string) => void;
    const seen = new Promise<string>((resolve) => (seenAt = resolve));
    let goOn!: () => void;
    const changedElsewhere = new Promise<void>((resolve) => (goOn = resolve));
    const action = batching.oneAction(async () => {
      const read = await stores.cases.get(caseId);
      seenAt(read?.etag ?? '');
      await changedElsewhere;
      await expect(stores.cases.update(caseId, { consent: 'refused' }, read?.etag ?? '')).rejects.toBeInstanceOf(VersionConflict);
      return stores.cases.get(caseId);
    });
    // Someone else, outside this action, changes the case meanwhile.
    const elsewhere = await stores.cases.update(caseId, { consent: 'withdrawn' }, await seen);
    goOn();
    expect(await action).toMatchObject({ consent: 'withdrawn', etag: elsewhere.etag });
  });
});
