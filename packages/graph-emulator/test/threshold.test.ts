import { emulatorApplication } from '../src/store/emulatorStore';
import { casesListBody, startHarness, type Harness } from './harness';

describe('Graph emulator: filters, indexing and the list view threshold', () => {
  let h: Harness;
  let listId: string;
  const items = (): string => `/sites/${h.siteId()}/lists/${listId}/items`;
  const honour = 'HonorNonIndexedQueriesWarningMayFailRandomly';

  beforeEach(async () => {
    h = startHarness();
    listId = (await h.post(`/sites/${h.siteId()}/lists`, casesListBody).expect(201)).body.id;
  });
  afterEach(() => h.close());

  const seed = (count: number): void => {
    h.store.items.insertMany(listId, Array.from({ length: count }, (_, i) => ({
      CaseKey: `K-${i + 1}`,
      Status: i % 3 === 0 ? 'Closed' : 'Open',
      Worker: `worker-${i % 10}`,
      Score: i % 100,
      Note: i % 2 === 0 ? 'even' : 'odd',
    })), emulatorApplication.id, h.clock.now());
  };

  it('filters on indexed text, choice, number and date columns with and, ne and ranges', async () => {
    seed(30);
    const eq = await h.get(`${items()}?$expand=fields&$filter=fields/Worker eq 'worker-3' and fields/Status eq 'Open'`).expect(200);
    expect(eq.body.value.map((i: { fields: { CaseKey: string } }) => i.fields.CaseKey)).toEqual(['K-14', 'K-24']);
    const range = await h.get(`${items()}?$filter=fields/Score ge 10 and fields/Score lt 12`).expect(200);
    expect(range.body.value.map((i: { id: string }) => i.id)).toEqual(['11', '12']);
    expect(range.body.value[0].fields).toBeUndefined();
    const ne = await h.get(`${items()}?$filter=fields/Status ne 'Open'`).expect(200);
    expect(ne.body.value).toHaveLength(10);
    await h.post(items(), { fields: { CaseKey: 'D-1', Opened: '2026-02-01T00:00:00Z' } }).expect(201);
    const dates = await h.get(`${items()}?$expand=fields&$filter=fields/Opened ge '2026-01-31T00:00:00Z'`).expect(200);
    expect(dates.body.value.map((i: { fields: { CaseKey: string } }) => i.fields.CaseKey)).toEqual(['D-1']);
  });

  it('refuses a filter on a non-indexed column without the Prefer header, naming the field', async () => {
    seed(10);
    const res = await h.get(`${items()}?$filter=fields/Note eq 'even'`).expect(400);
    expect(res.body.error.message).toContain("Field 'Note' cannot be referenced in filter or orderby as it is not indexed");
    const ordered = await h.get(`${items()}?$orderby=fields/Note`).expect(400);
    expect(ordered.body.error.message).toContain("'Note'");
  });

  it('allows a non-indexed filter with the Prefer header below the threshold', async () => {
    seed(10);
    const res = await h.get(`${items()}?$filter=fields/Note eq 'even'`).set('Prefer', honour).expect(200);
    expect(res.body.value).toHaveLength(5);
  });

  it('above 5,000 items throttles a non-indexed filter even with Prefer (429), while an indexed filter pages through every match', async () => {
    seed(6000);
    const refused = await h.get(`${items()}?$filter=fields/Note eq 'even'`).set('Prefer', honour).expect(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.body.error.message).toMatch(/list view threshold/);
    expect(refused.body.error.message).toContain("'Note'");

    const seen: string[] = [];
    let next: string | undefined = `${items()}?$expand=fields($select=CaseKey)&$filter=fields/Worker eq 'worker-7'&$top=250`;
    let pages = 0;
    while (next) {
      const res: { body: { value: { fields: { CaseKey: string } }[]; '@odata.nextLink'?: string } } = await h.get(next).expect(200);
      seen.push(...res.body.value.map((i) => i.fields.CaseKey));
      const link = res.body['@odata.nextLink'];
      if (link) expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0\/sites\/.+\$skiptoken=/);
      next = link?.replace(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0/, '');
      pages++;
    }
    expect(seen).toHaveLength(600);
    expect(new Set(seen).size).toBe(600);
    expect(pages).toBe(3);
    expect(seen[0]).toBe('K-8');
  });

  it('above 5,000 items a range on an indexed date column that selects few answers in its order with $top, empty dates left out; one that selects more is throttled', async () => {
    // A job queue's shape: most items have no date (settled), a few are due, many later.
    const at = (minutes: number): string => new Date(Date.parse('2026-10-05T09:00:00Z') + minutes * 60_000).toISOString().replace('.000Z', 'Z');
    h.store.items.insertMany(listId, Array.from({ length: 6000 }, (_, i) => ({
      CaseKey: `J-${i + 1}`,
      Opened: i < 600 ? null : i < 610 ? at(-(i - 600)) : at(i),
    })), emulatorApplication.id, h.clock.now());
    const due = await h.get(`${items()}?$expand=fields($select=CaseKey,Opened)&$filter=fields/Opened le '${at(0)}'&$orderby=fields/Opened&$top=4`).expect(200);
    expect(due.body.value.map((i: { fields: { CaseKey: string } }) => i.fields.CaseKey)).toEqual(['J-610', 'J-609', 'J-608', 'J-607']);
    expect(due.body['@odata.nextLink']).toBeDefined();
    const wide = await h.get(`${items()}?$filter=fields/Opened ge '${at(0)}'&$orderby=fields/Opened&$top=4`).expect(429);
    expect(wide.body.error.message).toMatch(/first indexed clause matches more than 5000/);
  });

  it('pages an unfiltered read with the default page size of 200', async () => {
    seed(450);
    const first = await h.get(items()).expect(200);
    expect(first.body.value).toHaveLength(200);
    const second = await h.get(first.body['@odata.nextLink'].replace(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0/, '')).expect(200);
    expect(second.body.value[0].id).toBe('201');
  });

  it('orders by an indexed column and pages in that order', async () => {
    seed(12);
    const first = await h.get(`${items()}?$expand=fields($select=Score)&$orderby=fields/Score desc&$top=5`).expect(200);
    expect(first.body.value.map((i: { fields: { Score: number } }) => i.fields.Score)).toEqual([11, 10, 9, 8, 7]);
    const second = await h.get(first.body['@odata.nextLink'].replace(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0/, '')).expect(200);
    expect(second.body.value.map((i: { fields: { Score: number } }) => i.fields.Score)).toEqual([6, 5, 4, 3, 2]);
  });

  it('refuses a filter on a field the list does not have, and a malformed filter', async () => {
    await h.get(`${items()}?$filter=fields/Colour eq 'red'`).expect(400);
    await h.get(`${items()}?$filter=fields/Worker eq unquoted`).expect(400);
    await h.get(`${items()}?$filter=createdDateTime ge '2026-01-01'`).expect(400);
  });
});
