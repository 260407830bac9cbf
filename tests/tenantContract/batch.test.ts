import { z } from 'zod';
import { NotAttempted, VersionConflict } from '../../workflow';
import { batchedWrites } from '../../graph/client/writeOrder';
import type { ListDefinition } from '../../graph/sharepoint/listDefinitions';
import { SharePointListStore } from '../../graph/sharepoint/listStore';
import { graphError, json, ReplayGraph } from './support/replayGraph';

// Requests started together travel in one $batch (graph/client/batchingHandler.ts): each caller gets its own part's
// status, a part throttled with 429 is retried after its own Retry-After, and a part depending on a failed one is 424.
const graph = new ReplayGraph();
beforeAll(() => graph.start());
afterAll(() => graph.stop());
beforeEach(() => graph.reset());

const listPath = '/sites/fabrikamlearning.sharepoint.com,5a1f2d6e-8c3b-4e07-9b21-7f0c6d4e3a19,c2e4b6a8-1d3f-4a5c-8e7b-9f0a2c4e6b81/lists/6d2b8f4a-1c3e-4d5f-9a7b-0e2c4d6f8a13';
const definition: ListDefinition = { displayName: 'Contracts', description: 'Contracts.', indexed: [{ field: 'school', column: 'School', type: 'text' }] };
const Contract = z.object({ id: z.string(), school: z.string(), hours: z.number() });
type Contract = z.infer<typeof Contract>;
const etag = (id: string, v: number) => `"c0ffee00-0000-4000-8000-0000000000${id},${v}"`;
const payloadOf = (body: unknown) => (body as { fields: { Payload: string } }).fields.Payload;

describe('$batch with mixed answers', () => {
  it('a 201, a 412, a 404 and a 429 (Retry-After) in one batch: each caller gets its own, the throttled one is retried alone', async () => {
    const store = new SharePointListStore<Contract, 'school'>(graph.client(), listPath, definition, Contract);
    // Known versions, read one by one (each alone: no batch).
    graph.on('GET', /\/items\/(\d+)\?/, (_r, m) => json(200, { id: m[1], eTag: etag(m[1] ?? '', 1), fields: { Payload: JSON.stringify({ school: `S${m[1]}`, hours: 10 }) } }), 1);
    const known = await store.get('31');
    graph.reset();

    // https://learn.microsoft.com/en-us/graph/json-batching: parts answered by id, in any order, each with its own status,
    // headers and body (an error part has the error body). https://learn.microsoft.com/en-us/graph/throttling: a throttled part
    // is 429 with a Retry-After header of its own.
    let creates = 0;
    graph.on('POST', /\/items$/, (request) => {
      creates += 1;
      const school = (JSON.parse(payloadOf(request.body)) as { school: string }).school;
      if (school === 'Busy School' && creates <= 2) return graphError(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': '1' });
      return json(201, { '@odata.etag': etag('4' + creates, 1), id: `4${creates}`, eTag: etag('4' + creates, 1), createdDateTime: '2026-11-30T09:40:00Z' });
    });
    graph.on('PATCH', /\/items\/31\/fields$/, () => graphError(412, 'resourceModified', 'The request ETag value does not match the object\'s ETag value.'));
    graph.on('GET', /\/items\/31\?/, () => json(200, { id: '31', eTag: etag('31', 2), fields: { Payload: JSON.stringify({ school: 'S31', hours: 12 }) } }));
    graph.on('GET', /\/items\/77\?/, () => graphError(404, 'itemNotFound', 'The resource could not be found.'));

    const started = Date.now();
    const [made, conflict, missing, throttled] = await Promise.allSettled([
      store.create({ school: 'Fen Road School', hours: 20 }, 'contract-fen-road'),
      store.update('31', { hours: 11 }, known?.etag ?? ''),
      store.get('77'),
      store.create({ school: 'Busy School', hours: 5 }, 'contract-busy'),
    ]);
    expect(made).toMatchObject({ status: 'fulfilled', value: { created: true } });
    expect(conflict.status === 'rejected' && conflict.reason).toBeInstanceOf(VersionConflict);
    expect(missing).toEqual({ status: 'fulfilled', value: undefined });
    expect(throttled).toMatchObject({ status: 'fulfilled', value: { created: true, item: { school: 'Busy School' } } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    const [first] = graph.seen.filter((s) => s.url === '/v1.0/$batch');
    const parts = (first?.body as { requests: Array<{ method: string; url: string; headers?: Record<string, string> }> }).requests;
    expect(parts.map((p) => p.method).sort()).toEqual(['GET', 'PATCH', 'POST', 'POST']);
    // The If-Match travels on its part; the token and user agent on the envelope only.
    expect(parts.find((p) => p.method === 'PATCH')?.headers).toMatchObject({ 'if-match': known?.etag });
    expect(first?.headers.authorization).toBe('Bearer contract-token');
    const busyTries = graph.seen.filter((s) => s.method === 'POST' && s.url.endsWith('/items') && payloadOf(s.body).includes('Busy School'));
    expect(busyTries.length).toBeGreaterThanOrEqual(2);
    expect(busyTries.at(-1)?.via).toBe('direct');
  });

  it('a write ordered after one that failed answers 424 (Failed Dependency): NotAttempted', async () => {
    const store = new SharePointListStore<Contract, 'school'>(graph.client(), listPath, definition, Contract);
    // https://learn.microsoft.com/en-us/graph/json-batching: "If an individual request fails, any request that depends on that request fails with status code 424".
    graph.on('POST', /\/items$/, () => graphError(400, 'invalidRequest', 'Invalid request'), 1);
    graph.on('POST', /\/items$/, () => json(201, { id: '50', eTag: etag('50', 1) }));
    const [first, second] = await Promise.allSettled([
      batchedWrites.carry({ unit: 'u1', name: 'first', after: [] }, () => store.create({ school: 'Ash Lane', hours: 1 }, 'k-ash')),
      batchedWrites.carry({ unit: 'u1', name: 'second', after: ['first'] }, () => store.create({ school: 'Birch Lane', hours: 2 }, 'k-birch')),
    ]);
    expect(first).toMatchObject({ status: 'rejected', reason: { statusCode: 400, code: 'invalidRequest' } });
    expect(second.status === 'rejected' && second.reason).toBeInstanceOf(NotAttempted);
    const [envelope] = graph.seen.filter((s) => s.url === '/v1.0/$batch');
    expect((envelope?.body as { requests: Array<{ dependsOn?: string[] }> }).requests.map((r) => r.dependsOn ?? [])).toEqual([[], ['1']]);
  });
});
