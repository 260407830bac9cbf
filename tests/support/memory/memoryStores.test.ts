import { UniqueValueTaken } from '../../../workflow';
import type { MemoryEntityStore } from './memoryEntityStore';
import { memoryStores, type MemoryStores } from './memoryStores';

/** Memory does not check items against the models: a few fields are enough to exercise the columns. */
type Loose = { id: string } & Record<string, unknown>;
const partial = <T>(fields: Record<string, unknown>) => fields as unknown as T;
const loose = (store: unknown) => store as MemoryEntityStore<Loose, keyof Loose>;

type StoreName = keyof MemoryStores;

const uniqueColumns: Array<[StoreName, string, string]> = [
  ['staff', 'userId', '3d1f6b2a-8c47-4e09-b5a1-7f2e9c0d4a61'],
  ['schools', 'urn', '148213'],
  ['children', 'reference', 'C-4K7P2Q'],
  ['children', 'matchKey', 'quillfeather|2016-03-08|148213'],
  ['cases', 'reference', 'OC-26-AB12C'],
];

const notIndexed: Array<[StoreName, string]> = [
  ['staff', 'displayName'],
  ['schools', 'name'],
  ['children', 'lastName'],
  ['cases', 'reasonForReferral'],
  ['records', 'step'],
  ['contracts', 'reviewDate'],
  ['purchases', 'packageCode'],
];

describe('memoryStores: the columns of the SharePoint lists', () => {
  it.each(uniqueColumns)('%s refuses a second item with the same %s', async (name, field, value) => {
    const store = loose(memoryStores()[name]);
    await store.create({ [field]: value }, 'first');
    await expect(store.create({ [field]: value }, 'second')).rejects.toBeInstanceOf(UniqueValueTaken);
  });

  it.each(notIndexed)('%s refuses a filter on %s, which is not indexed', async (name, field) => {
    await expect(loose(memoryStores()[name]).find({ [field]: 'x' })).rejects.toThrow(field);
  });

  it('lets lists share values outside unique columns (two cases at one school)', async () => {
    const { cases } = memoryStores();
    await cases.create(partial({ reference: 'OC-26-AB12C', schoolId: '4' }), 'a');
    await cases.create(partial({ reference: 'OC-26-CD34E', schoolId: '4' }), 'b');
    expect(await cases.find({ schoolId: '4' })).toHaveLength(2);
  });

  it('gives separate lists on every call', async () => {
    const first = memoryStores();
    await first.schools.create(partial({ urn: '148213' }), 'a');
    expect(memoryStores().schools.all()).toEqual([]);
  });
});
