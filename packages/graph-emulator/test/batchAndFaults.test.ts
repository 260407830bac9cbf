import { performance } from 'node:perf_hooks';
import { casesListBody, startHarness, type Harness } from './harness';

describe('Graph emulator: $batch and fault injection', () => {
  let h: Harness;
  let listId: string;
  const itemsUrl = (): string => `/sites/${h.siteId()}/lists/${listId}/items`;
  const json = { 'Content-Type': 'application/json' };

  beforeEach(async () => {
    h = startHarness();
    listId = (await h.post(`/sites/${h.siteId()}/lists`, casesListBody).expect(201)).body.id;
  });
  afterEach(() => h.close());

  it('runs sub-requests through the same handlers, honours dependsOn, and answers 424 after a failed dependency', async () => {
    const res = await h.post('/$batch', {
      requests: [
        { id: '1', method: 'POST', url: itemsUrl(), headers: json, body: { fields: { CaseKey: 'B-1' } } },
        { id: '2', method: 'POST', url: itemsUrl(), headers: json, body: { fields: { CaseKey: 'B-1' } }, dependsOn: ['1'] },
        { id: '3', method: 'POST', url: itemsUrl(), headers: json, body: { fields: { CaseKey: 'B-3' } }, dependsOn: ['2'] },
        { id: '4', method: 'GET', url: `${itemsUrl()}/1?$expand=fields`, dependsOn: ['1'] },
        { id: '5', method: 'GET', url: `/sites/${h.siteId()}/bogusSegment` },
      ],
    }).expect(200);
    const byId = new Map(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId.get('1')).toMatchObject({ status: 201 });
    expect(byId.get('2')).toMatchObject({ status: 409 });
    expect(byId.get('3')).toMatchObject({ status: 424 });
    expect(byId.get('4')).toMatchObject({ status: 200, body: { fields: { CaseKey: 'B-1' } } });
    expect(byId.get('5')).toMatchObject({ status: 400 });
    expect(h.store.items.count(listId)).toBe(1);
  });

  it('refuses a batch of more than 20 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: `/sites/${h.siteId()}` }));
    const res = await h.post('/$batch', { requests }).expect(400);
    expect(res.body.error.message).toMatch(/20/);
  });

  it('with rate 1.0 answers 429 with Retry-After in Graph\'s error shape, and never faults the controls', async () => {
    await h.put('/_emulator/faults', JSON.stringify({ rate: 1, statuses: [429], retryAfterSeconds: 7, seed: 1 }), 'application/json').expect(200);
    const res = await h.get(`/sites/${h.siteId()}`).expect(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.body.error.code).toBe('TooManyRequests');
    await h.get('/_emulator/faults').expect(200);
  });

  it('applies faults per batch sub-request', async () => {
    await h.put('/_emulator/faults', JSON.stringify({ rate: 1, statuses: [503], seed: 3 }), 'application/json').expect(200);
    const res = await h.post('/$batch', { requests: [{ id: 'a', method: 'GET', url: `/sites/${h.siteId()}` }] }).expect(200);
    expect(res.body.responses[0]).toMatchObject({ status: 503, headers: expect.objectContaining({ 'retry-after': '1' }) });
  });

  it('failAfterCommit stores the write yet answers 503, so a blind retry would duplicate it', async () => {
    await h.put('/_emulator/faults', JSON.stringify({ failAfterCommitRate: 1, seed: 2 }), 'application/json').expect(200);
    const res = await h.post(itemsUrl(), { fields: { CaseKey: 'F-1' } }).expect(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(h.store.items.count(listId)).toBe(1);
    const retry = await h.post(itemsUrl(), { fields: { CaseKey: 'F-1' } }).expect(409);
    expect(retry.body.error.code).toBe('nameAlreadyExists');
    await h.get(`${itemsUrl()}/1`).expect(200);
    const log = await h.get('/_emulator/requests').expect(200);
    expect(log.body.entries.filter((e: { fault?: string }) => e.fault === 'afterCommit')).toHaveLength(1);
  });

  it('adds the configured latency to Graph requests', async () => {
    await h.put('/_emulator/faults', JSON.stringify({ latencyMs: 120 }), 'application/json').expect(200);
    const started = performance.now();
    await h.get(`/sites/${h.siteId()}`).expect(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('refuses fault settings out of range', async () => {
    await h.put('/_emulator/faults', JSON.stringify({ rate: 2 }), 'application/json').expect(400);
  });

  it('logs requests with status and counters, and resets everything', async () => {
    await h.post('/_emulator/requests/reset').expect(204);
    await h.get(`/sites/${h.siteId()}`).expect(200);
    await h.get(`/sites/${h.siteId()}/lists/Nope`).expect(404);
    const log = await h.get('/_emulator/requests').expect(200);
    expect(log.body.counters).toMatchObject({ total: 2, byStatus: { '200': 1, '404': 1 } });
    expect(log.body.entries[1]).toMatchObject({ method: 'GET', status: 404 });
    await h.post('/_emulator/reset').expect(204);
    await h.get(`/sites/${h.siteId()}/lists/Cases`).expect(404);
    expect((await h.get('/_emulator/requests').expect(200)).body.counters.total).toBe(1);
  });

  it('sets the clock used for timestamps', async () => {
    await h.put('/_emulator/clock', JSON.stringify({ now: '2026-03-02T08:15:00Z', frozen: true }), 'application/json').expect(200);
    const res = await h.post(itemsUrl(), { fields: { CaseKey: 'C-1' } }).expect(201);
    expect(res.body.createdDateTime).toBe('2026-03-02T08:15:00Z');
  });
});
