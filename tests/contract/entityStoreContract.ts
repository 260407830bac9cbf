import { ItemNotFound, VersionConflict, type EntityStore, type NewItem } from '../../workflow';

export interface StoreUnderTest<T extends { id: string }, K extends keyof T> {
  store: EntityStore<T, K>;
  cleanup?: () => Promise<void>;
}

export interface EntityStoreContractOptions<T extends { id: string }, K extends keyof T> {
  /** A fresh store for each test. */
  make: () => Promise<StoreUnderTest<T, K>>;
  /** A new valid item; `n` makes it different from others. */
  sample: (n: number) => NewItem<T>;
  /** Indexed fields the suite filters on, and a field it changes in updates. */
  indexed: K[];
  change: (item: NewItem<T>) => Partial<NewItem<T>>;
}

let keySeq = 0;
const key = () => `contract-key-${Date.now()}-${++keySeq}`;

/**
 * The contract every store port implementation must meet: run it against memory here, and
 * against the SharePoint adapters through the embedded Graph.
 */
export function describeEntityStoreContract<T extends { id: string }, K extends keyof T>(name: string, o: EntityStoreContractOptions<T, K>): void {
  describe(`${name}: store port contract`, () => {
    let subject: StoreUnderTest<T, K>;
    beforeEach(async () => {
      subject = await o.make();
    });
    afterEach(async () => {
      await subject.cleanup?.();
    });

    it('create then get returns the same data with an id and an etag', async () => {
      const item = o.sample(1);
      const { item: created, created: isNew } = await subject.store.create(item, key());
      expect(isNew).toBe(true);
      expect(created.id).toEqual(expect.any(String));
      expect(created.etag).toEqual(expect.any(String));
      const read = await subject.store.get(created.id);
      expect(read).toEqual({ ...item, id: created.id, etag: created.etag });
    });

    it('values round-trip exactly: nested objects, arrays, absent optional fields stay absent', async () => {
      const item = o.sample(2);
      const { item: created } = await subject.store.create(item, key());
      const { id: _id, etag: _etag, ...back } = (await subject.store.get(created.id)) as NonNullable<Awaited<ReturnType<typeof subject.store.get>>> & Record<string, unknown>;
      expect(back).toStrictEqual(JSON.parse(JSON.stringify(item)));
    });

    it('the same idempotency key twice makes one item: the repeat is created:false with the same id', async () => {
      const k = key();
      const first = await subject.store.create(o.sample(3), k);
      const second = await subject.store.create(o.sample(3), k);
      expect(second.created).toBe(false);
      expect(second.item.id).toBe(first.item.id);
      const field = o.indexed[0] as K;
      const matches = await subject.store.find({ [field]: (o.sample(3) as Record<string, unknown>)[field as string] } as Partial<Pick<T, K>>);
      expect(matches.filter((m) => m.id === first.item.id)).toHaveLength(1);
      expect(matches).toHaveLength(1);
    });

    it('different keys make different items', async () => {
      const a = await subject.store.create(o.sample(4), key());
      const b = await subject.store.create(o.sample(5), key());
      expect(a.item.id).not.toBe(b.item.id);
    });

    it('find by each indexed field returns exactly the matching items, or none', async () => {
      const a = await subject.store.create(o.sample(6), key());
      const b = await subject.store.create(o.sample(7), key());
      for (const field of o.indexed) {
        const value = (a.item as Record<string, unknown>)[field as string];
        const found = await subject.store.find({ [field]: value } as Partial<Pick<T, K>>);
        expect(found.map((f) => f.id)).toContain(a.item.id);
        const bValue = (b.item as Record<string, unknown>)[field as string];
        if (bValue !== value) expect(found.map((f) => f.id)).not.toContain(b.item.id);
      }
      const none = await subject.store.find({ [o.indexed[0] as K]: 'no-such-value-anywhere' } as Partial<Pick<T, K>>);
      expect(none).toEqual([]);
    });

    it('find with two fields ANDs them', async () => {
      if (o.indexed.length < 2) return;
      const [f1, f2] = o.indexed as [K, K];
      const a = await subject.store.create(o.sample(8), key());
      const v1 = (a.item as Record<string, unknown>)[f1 as string];
      const v2 = (a.item as Record<string, unknown>)[f2 as string];
      const found = await subject.store.find({ [f1]: v1, [f2]: v2 } as Partial<Pick<T, K>>);
      expect(found.map((f) => f.id)).toEqual([a.item.id]);
    });

    it('update with the current etag changes the data and the etag and keeps other fields', async () => {
      const item = o.sample(9);
      const { item: created } = await subject.store.create(item, key());
      const patch = o.change(item);
      const updated = await subject.store.update(created.id, patch, created.etag);
      expect(updated.etag).not.toBe(created.etag);
      expect(updated).toEqual({ ...item, ...patch, id: created.id, etag: updated.etag });
      expect(await subject.store.get(created.id)).toEqual(updated);
    });

    it('update with a stale etag throws VersionConflict and leaves the first writer\'s change', async () => {
      const item = o.sample(10);
      const { item: created } = await subject.store.create(item, key());
      const first = await subject.store.update(created.id, o.change(item), created.etag);
      await expect(subject.store.update(created.id, {} as Partial<NewItem<T>>, created.etag)).rejects.toBeInstanceOf(VersionConflict);
      expect(await subject.store.get(created.id)).toEqual(first);
    });

    it('two concurrent updates from the same etag: exactly one wins', async () => {
      const item = o.sample(11);
      const { item: created } = await subject.store.create(item, key());
      const results = await Promise.allSettled([
        subject.store.update(created.id, o.change(item), created.etag),
        subject.store.update(created.id, o.change(item), created.etag),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflict);
    });

    it('get of a missing id is undefined; update of a missing id throws ItemNotFound', async () => {
      expect(await subject.store.get('987654')).toBeUndefined();
      await expect(subject.store.update('987654', {} as Partial<NewItem<T>>, '"x,1"')).rejects.toBeInstanceOf(ItemNotFound);
    });
  });
}
