import { freshCase } from '../contract/samples';
import { startEmbeddedGraph, type EmbeddedGraph } from './embeddedGraph';

jest.setTimeout(60_000);

/** Values a card or an activity could carry, each able to change a Graph URL if left unencoded. */
const hostile = ['1/../2', '2&$filter=true', '2#x', "O'Brien", '2?$top=1', '50%', 'a b+c', "' or 1 eq 1 or '"];

describe('Filter values are not encoded (defect): every value placed in a $filter or a URL path is encoded', () => {
  let graph: EmbeddedGraph;
  beforeAll(async () => {
    graph = await startEmbeddedGraph();
  });
  afterAll(async () => graph.stop());

  it.each(hostile)('a lookup by %p answers "not found", not "Invalid filter clause"', async (value) => {
    const { cases, staff } = graph.ports.stores;
    await expect(cases.find({ reference: value })).resolves.toEqual([]);
    await expect(cases.find({ childId: value, status: 'open' })).resolves.toEqual([]);
    await expect(staff.find({ userId: value })).resolves.toEqual([]);
    await expect(cases.findByKey(value)).resolves.toBeUndefined();
    await expect(cases.get(value)).resolves.toBeUndefined();
  });

  it('a value holding these characters is stored and found again exactly', async () => {
    const { cases } = graph.ports.stores;
    const created = [];
    for (const value of hostile) created.push((await cases.create({ ...freshCase(), childId: value }, `key ${value}`)).item);
    for (const [i, value] of hostile.entries()) {
      const found = await cases.find({ childId: value });
      expect(found.map((c) => c.id)).toEqual([created[i]?.id]);
      expect((await cases.findByKey(`key ${value}`))?.id).toBe(created[i]?.id);
    }
  });
});
