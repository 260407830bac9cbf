import { ItemNotFound, UniqueValueTaken, VersionConflict, type EntityStore, type NewItem, type Versioned } from '../../workflow';
import { freshIdempotencyKey } from './samples/fresh';
import { scramble } from './scramble';

export interface StoreUnderTest<T extends { id: string }, K extends keyof T> {
  store: EntityStore<T, K>;
  cleanup?: () => Promise<void>;
}

type Filter<T, K extends keyof T> = Partial<Pick<T, K>>;

export interface EntityStoreContractOptions<T extends { id: string }, K extends keyof T> {
  /** The store for one test: fresh (memory) or long-lived (SharePoint); the suite relies only on items it made. */
  make: () => Promise<StoreUnderTest<T, K>>;
  /** A valid new item with fresh values in its unique and id-like fields on every call. */
  sample: () => NewItem<T>;
  /** A filter that finds the given sample and nothing else (on its fresh values). */
  identify: (item: NewItem<T>) => Filter<T, K>;
  /** Indexed, non-unique fields to filter on, each with two different values the suite puts on samples. */
  filterValues: { [F in K]?: () => readonly [T[F], T[F]] };
  /** Indexed fields no two items may share; filtered on with each sample's own value. */
  unique: readonly K[];
  /** A field that is not indexed: `find` must refuse it. */
  notIndexed: Exclude<keyof T, K> & string;
  /** A change an update makes; a fresh value in it, so no two changes are alike. */
  change: (item: NewItem<T>) => Partial<NewItem<T>>;
  /** An optional field the samples carry, that a patch clears by setting it to undefined (absent: the item has none). */
  clearable?: keyof NewItem<T> & string;
  /** Items that must come back exactly: nested objects, arrays, optional fields present and absent, dates. */
  roundTrip: () => NewItem<T>[];
}

const valueOf = (item: object, field: PropertyKey): unknown => (item as Record<PropertyKey, unknown>)[field];
const idsOf = (items: ReadonlyArray<{ id: string }>): string[] => items.map((i) => i.id).sort();
const dataOf = <T extends { id: string }>(item: Versioned<T>): Record<string, unknown> => {
  const { id: _id, etag: _etag, ...data } = item as Versioned<T> & Record<string, unknown>;
  return data;
};

/**
 * The contract every EntityStore meets: run against the memory stores and, through the embedded
 * Graph, against the SharePoint list adapters.
 */
export function describeEntityStoreContract<T extends { id: string }, K extends keyof T>(name: string, o: EntityStoreContractOptions<T, K>): void {
  const filterFields = Object.keys(o.filterValues) as Array<K & string>;
  const valuesFor = (field: K & string): readonly [unknown, unknown] => {
    const values = o.filterValues[field];
    if (!values) throw new Error(`no filter values for ${field}`);
    return values();
  };
  const filterOf = (entries: Array<[K & string, unknown]>) => Object.fromEntries(entries) as Filter<T, K>;
  const sampleWith = (entries: Array<[K & string, unknown]>) => ({ ...o.sample(), ...Object.fromEntries(entries) }) as NewItem<T>;

  describe(`${name}: EntityStore contract`, () => {
    let subject: StoreUnderTest<T, K>;
    const store = () => subject.store;
    const create = async (item: NewItem<T>) => (await store().create(item, freshIdempotencyKey())).item;

    beforeEach(async () => {
      subject = await o.make();
    });
    afterEach(async () => {
      await subject.cleanup?.();
    });

    describe('create and get', () => {
      it('create stores the item: get returns the data create returned, with its id and etag', async () => {
        const item = o.sample();
        const made = await store().create(item, freshIdempotencyKey());
        expect(made.created).toBe(true);
        expect(made.item.id).toEqual(expect.any(String));
        expect(made.item.etag).toEqual(expect.any(String));
        expect(dataOf(made.item)).toStrictEqual(item);
        expect(await store().get(made.item.id)).toStrictEqual(made.item);
      });

      it('a create repeated with the same idempotency key writes nothing and returns the first item, created:false', async () => {
        const key = freshIdempotencyKey();
        const first = o.sample();
        const repeat = o.sample();
        const made = await store().create(first, key);
        const again = await store().create(repeat, key);
        expect(again.created).toBe(false);
        expect(again.item).toStrictEqual(made.item);
        expect(idsOf(await store().find(o.identify(first)))).toEqual([made.item.id]);
        expect(await store().find(o.identify(repeat))).toEqual([]);
      });

      it('findByKey returns the item made with that idempotency key, and nothing for an unused key', async () => {
        const key = freshIdempotencyKey();
        const made = await store().create(o.sample(), key);
        expect(await store().findByKey(key)).toStrictEqual(made.item);
        expect(await store().findByKey(freshIdempotencyKey())).toBeUndefined();
      });

      it('the same item sent twice with one key (a retry) is stored once', async () => {
        const key = freshIdempotencyKey();
        const item = o.sample();
        const made = await store().create(item, key);
        const retried = await store().create(item, key);
        expect(retried).toStrictEqual({ item: made.item, created: false });
        expect(idsOf(await store().find(o.identify(item)))).toEqual([made.item.id]);
      });

      it('different keys make different items', async () => {
        const a = await create(o.sample());
        const b = await create(o.sample());
        expect(a.id).not.toBe(b.id);
        expect(await store().get(a.id)).toStrictEqual(a);
        expect(await store().get(b.id)).toStrictEqual(b);
      });

      it('get of an id that does not exist gives undefined', async () => {
        expect(await store().get('999999999')).toBeUndefined();
      });

      it('values round-trip exactly: nested objects, arrays, optional fields absent stay absent, dates stay the strings given', async () => {
        for (const item of o.roundTrip()) {
          const made = await create(item);
          const read = await store().get(made.id);
          expect(read).toBeDefined();
          expect(dataOf(read as Versioned<T>)).toStrictEqual(item);
          expect(dataOf(made)).toStrictEqual(item);
        }
      });

      it('callers hold copies: changing what was given to create or what get returned changes nothing stored', async () => {
        const item = o.sample();
        const made = await create(item);
        const expected = structuredClone(made);
        scramble(item);
        scramble(made);
        const read = await store().get(expected.id);
        scramble(read);
        expect(await store().get(expected.id)).toStrictEqual(expected);
      });
    });

    describe('find', () => {
      for (const field of filterFields) {
        it(`find by ${field} returns exactly the items with that value`, async () => {
          const [wanted, other] = valuesFor(field);
          const a = await create(sampleWith([[field, wanted]]));
          const b = await create(sampleWith([[field, wanted]]));
          const c = await create(sampleWith([[field, other]]));
          const found = await store().find(filterOf([[field, wanted]]));
          expect(found.map((f) => valueOf(f, field))).toEqual(found.map(() => wanted));
          expect(idsOf(found)).toEqual(expect.arrayContaining([a.id, b.id]));
          expect(idsOf(found)).not.toContain(c.id);
          expect(found.find((f) => f.id === a.id)).toStrictEqual(a);
        });
      }

      for (const field of o.unique) {
        it(`find by the unique ${String(field)} returns exactly that one item`, async () => {
          const a = await create(o.sample());
          await create(o.sample());
          expect(idsOf(await store().find(filterOf([[field as K & string, valueOf(a, field)]])))).toEqual([a.id]);
        });
      }

      it('find returns nothing when no item matches', async () => {
        expect(await store().find(o.identify(o.sample()))).toEqual([]);
      });

      const [first, second] = filterFields;
      if (first !== undefined && second !== undefined) {
        it(`find with two fields (${first}, ${second}) returns only the items matching both`, async () => {
          const [x1, x2] = valuesFor(first);
          const [y1, y2] = valuesFor(second);
          const both = await create(sampleWith([[first, x1], [second, y1]]));
          const onlyFirst = await create(sampleWith([[first, x1], [second, y2]]));
          const onlySecond = await create(sampleWith([[first, x2], [second, y1]]));
          const found = await store().find(filterOf([[first, x1], [second, y1]]));
          expect(found.map((f) => [valueOf(f, first), valueOf(f, second)])).toEqual(found.map(() => [x1, y1]));
          expect(idsOf(found)).toContain(both.id);
          expect(idsOf(found)).not.toContain(onlyFirst.id);
          expect(idsOf(found)).not.toContain(onlySecond.id);
          // Not empty when `identify` filters on the first field itself (records by caseId): onlyFirst matches then.
          expect(idsOf(await store().find({ ...o.identify(both), ...filterOf([[second, y2]]) }))).not.toContain(both.id);
        });
      }

      it(`find refuses a field that is not indexed (${o.notIndexed}), naming it`, async () => {
        const item = await create(o.sample());
        const filter = { [o.notIndexed]: valueOf(item, o.notIndexed) } as unknown as Filter<T, K>;
        await expect(store().find(filter)).rejects.toThrow(o.notIndexed);
      });
    });

    describe('update', () => {
      it('update with the current etag changes the data and the etag and keeps the other fields', async () => {
        const item = o.sample();
        const made = await create(item);
        const patch = o.change(item);
        const updated = await store().update(made.id, patch, made.etag);
        expect(updated.etag).not.toBe(made.etag);
        expect(updated).toStrictEqual({ ...item, ...patch, id: made.id, etag: updated.etag });
        expect(await store().get(made.id)).toStrictEqual(updated);
      });

      const clearable = o.clearable;
      if (clearable !== undefined) it(`a patch setting ${clearable} to undefined removes it`, async () => {
        const item = o.sample();
        expect(valueOf(item, clearable)).toBeDefined();
        const made = await create(item);
        const patch = { [clearable]: undefined } as Partial<NewItem<T>>;
        const updated = await store().update(made.id, patch, made.etag);
        const { [clearable]: _cleared, ...rest } = item as Record<string, unknown>;
        expect(Object.keys(updated)).not.toContain(clearable);
        expect(dataOf(updated)).toStrictEqual(rest);
        expect(await store().get(made.id)).toStrictEqual(updated);
      });

      it('each update takes the etag the last one returned', async () => {
        const item = o.sample();
        const made = await create(item);
        const once = await store().update(made.id, o.change(item), made.etag);
        const twice = await store().update(made.id, o.change({ ...item, ...once }), once.etag);
        expect(new Set([made.etag, once.etag, twice.etag]).size).toBe(3);
        expect(await store().get(made.id)).toStrictEqual(twice);
      });

      it('update with a stale etag throws VersionConflict and leaves the item as the first writer left it', async () => {
        const item = o.sample();
        const made = await create(item);
        const firstPatch = o.change(item);
        const first = await store().update(made.id, firstPatch, made.etag);
        const late = store().update(made.id, o.change({ ...item, ...firstPatch }), made.etag);
        await expect(late).rejects.toBeInstanceOf(VersionConflict);
        expect(await store().get(made.id)).toStrictEqual(first);
      });

      it('two concurrent updates from the same etag: exactly one wins, the other gets VersionConflict', async () => {
        const item = o.sample();
        const made = await create(item);
        const results = await Promise.allSettled([
          store().update(made.id, o.change(item), made.etag),
          store().update(made.id, o.change(item), made.etag),
        ]);
        const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        const lost = results.flatMap((r): unknown[] => (r.status === 'rejected' ? [r.reason] : []));
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]).toBeInstanceOf(VersionConflict);
        expect(await store().get(made.id)).toStrictEqual(won[0]);
      });

      it('update of an id that does not exist throws ItemNotFound', async () => {
        const made = await create(o.sample());
        await expect(store().update('999999999', o.change(o.sample()), made.etag)).rejects.toBeInstanceOf(ItemNotFound);
      });
    });

    for (const field of o.unique) {
      const unique = field as K & string;
      describe(`unique ${unique}`, () => {
        it(`a second item with a ${unique} already used is refused with UniqueValueTaken and not stored`, async () => {
          const a = await create(o.sample());
          const clash = sampleWith([[unique, valueOf(a, unique)]]);
          await expect(store().create(clash, freshIdempotencyKey())).rejects.toBeInstanceOf(UniqueValueTaken);
          expect(idsOf(await store().find(filterOf([[unique, valueOf(a, unique)]])))).toEqual([a.id]);
        });

        it(`an update to a ${unique} another item has is refused with UniqueValueTaken and changes nothing`, async () => {
          const a = await create(o.sample());
          const b = await create(o.sample());
          const patch = { [unique]: valueOf(a, unique) } as Partial<NewItem<T>>;
          await expect(store().update(b.id, patch, b.etag)).rejects.toBeInstanceOf(UniqueValueTaken);
          expect(await store().get(b.id)).toStrictEqual(b);
        });

        it(`${unique} is compared without regard to case, as SharePoint compares text`, async () => {
          const a = await create(o.sample());
          const value = valueOf(a, unique);
          if (typeof value !== 'string' || value.toLowerCase() === value) throw new Error(`the sample's ${unique} needs capital letters for this test`);
          expect(idsOf(await store().find(filterOf([[unique, value.toLowerCase()]])))).toEqual([a.id]);
          await expect(store().create(sampleWith([[unique, value.toLowerCase()]]), freshIdempotencyKey())).rejects.toBeInstanceOf(UniqueValueTaken);
        });
      });
    }
  });
}
