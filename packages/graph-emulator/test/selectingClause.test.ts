import { emulatorApplication } from '../src/store/emulatorStore';
import { casesListBody, startHarness, type Harness } from './harness';

/** SharePoint selects a large list's items through the first indexed clause of the filter, then applies the rest. */
describe('Graph emulator: the list view threshold counts the selecting clause', () => {
  let h: Harness;
  let listId: string;
  const items = (filter: string): string => `/sites/${h.siteId()}/lists/${listId}/items?$filter=${filter}`;

  beforeEach(async () => {
    h = startHarness();
    listId = (await h.post(`/sites/${h.siteId()}/lists`, casesListBody).expect(201)).body.id;
    await h.put('/_emulator/fidelity', JSON.stringify({ listViewThreshold: 50 }), 'application/json').expect(200);
    h.store.items.insertMany(listId, Array.from({ length: 60 }, (_, i) => ({
      CaseKey: `K-${i + 1}`, Status: i % 10 === 0 ? 'Closed' : 'Open', Worker: `worker-${i % 10}`, Score: i, Note: 'n',
    })), emulatorApplication.id, h.clock.now());
  });
  afterEach(() => h.close());

  it('serves an and-filter whose first indexed clause matches no more than the threshold', async () => {
    const res = await h.get(items("fields/Worker eq 'worker-3' and fields/Status eq 'Open'")).expect(200);
    expect(res.body.value).toHaveLength(6);
  });

  it('throttles an and-filter whose first clause matches more than the threshold, though the whole filter matches few', async () => {
    const res = await h.get(items("fields/Status eq 'Open' and fields/Worker eq 'worker-3'")).expect(429);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body.error.message).toMatch(/list view threshold/);
  });

  it('counts an or-filter whole', async () => {
    await h.get(items("fields/Worker eq 'worker-3' or fields/Worker eq 'worker-4'")).expect(200);
    await h.get(items("fields/Status eq 'Open' or fields/Worker eq 'worker-0'")).expect(429);
  });
});
