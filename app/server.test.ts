import { Router } from 'express';
import request from 'supertest';
import type { DestinationStream } from 'pino';
import { createLogger } from './logger';
import { createServer, isLoopback } from './server';

const capture = () => {
  const lines: string[] = [];
  const stream: DestinationStream = { write: (line: string) => void lines.push(line) };
  return { logger: createLogger({ logLevel: 'info' }, stream), lines };
};

describe('GET /healthz', () => {
  it('answers ok with the version', async () => {
    const app = createServer({ logger: capture().logger, version: '9.9.9' });
    const res = await request(app).get('/healthz').expect(200).expect('content-type', /json/);
    expect(res.body).toEqual({ status: 'ok', version: '9.9.9' });
  });
});

describe('The server is too open: /healthz and headers', () => {
  const details = { graph: { mode: 'embedded', baseUrl: 'https://127.0.0.1:8443/v1.0', siteId: 'site-1' }, teamsClient: { url: 'http://localhost:56150' } };

  it('the public /healthz says only that the app is up and its version, whatever details the app has', async () => {
    const app = createServer({ logger: capture().logger, version: '1.2.3', details });
    const res = await request(app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok', version: '1.2.3' });
  });

  it('/healthz/details answers this machine with the details, without letting them replace status or version', async () => {
    const app = createServer({ logger: capture().logger, version: '1.2.3', details: { ...details, status: 'broken', version: 'x' } });
    const res = await request(app).get('/healthz/details').expect(200); // supertest connects over 127.0.0.1
    expect(res.body).toEqual({ ...details, status: 'ok', version: '1.2.3' });
  });

  it('without details (tenant mode) there is no /healthz/details', async () => {
    const app = createServer({ logger: capture().logger, version: '1' });
    await request(app).get('/healthz/details').expect(404);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.0.2.2', false],
    ['::ffff:192.0.2.2', false],
    ['fd00::2', false],
    ['1270.0.0.1', false],
    [undefined, false],
  ])('%s is loopback: %s', (address, loopback) => {
    expect(isLoopback(address)).toBe(loopback);
  });

  it('every answer has helmet\'s security headers and Cache-Control: no-store, 404s and failures too', async () => {
    const router = Router()
      .get('/case', (_req, res) => void res.json({ reference: 'OC-26-AAAAA' }))
      .get('/boom', () => {
        throw new Error('handler broke');
      });
    const app = createServer({ logger: capture().logger, version: '1', details, mounts: [{ path: '/api', router }] });
    for (const [path, status] of [['/healthz', 200], ['/healthz/details', 200], ['/api/case', 200], ['/nope', 404], ['/api/boom', 500]] as const) {
      const res = await request(app).get(path).expect(status);
      expect([path, res.headers['cache-control']]).toEqual([path, 'no-store']);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['strict-transport-security']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('a client over the per-address limit on the API gets 429 with Retry-After; /healthz is not counted', async () => {
    const router = Router().get('/case', (_req, res) => void res.json({ ok: true }));
    const app = createServer({ logger: capture().logger, version: '1', mounts: [{ path: '/api', router }], rateLimits: { perAddressPerMinute: 2 } });
    await request(app).get('/api/case').expect(200);
    await request(app).get('/healthz').expect(200);
    await request(app).get('/api/case').expect(200);
    for (let i = 0; i < 3; i++) await request(app).get('/healthz').expect(200);
    const limited = await request(app).get('/api/case').expect(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body).toEqual({ error: `too many requests from this address: wait ${retryAfter} seconds and try again`, retryAfterSeconds: retryAfter });
    expect(limited.headers['cache-control']).toBe('no-store');
  });
});

describe('unknown routes and failures answer JSON', () => {
  it('an unknown route is a JSON 404', async () => {
    const app = createServer({ logger: capture().logger, version: '1' });
    const res = await request(app).get('/nope').expect(404).expect('content-type', /json/);
    expect(res.body).toEqual({ error: 'not found', path: '/nope' });
  });

  it('a failing handler is a JSON 500 with the request id, and the log holds no request body', async () => {
    const { logger, lines } = capture();
    const router = Router().post('/boom', () => {
      throw new Error('handler broke');
    });
    const app = createServer({ logger, version: '1', mounts: [{ path: '/api', router }] });
    const res = await request(app)
      .post('/api/boom?surname=Secretquery')
      .send({ name: 'Secretbody Child' })
      .expect(500)
      .expect('content-type', /json/);
    expect(res.body).toEqual({ error: 'Internal Server Error', requestId: res.headers['x-request-id'] });
    expect(res.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toHaveLength(1);
    const logged = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(logged).toMatchObject({ level: 50, requestId: res.body.requestId, method: 'POST', path: '/api/boom' });
    expect(lines[0]).not.toContain('Secretbody');
    expect(lines[0]).not.toContain('Secretquery');
  });

  it('a client error raised by middleware keeps its 4xx status and is not logged as a failure', async () => {
    const { logger, lines } = capture();
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413 });
    const router = Router().post('/upload', (_req, _res, next) => next(tooLarge));
    const app = createServer({ logger, version: '1', mounts: [{ path: '/api', router }] });
    const res = await request(app).post('/api/upload').expect(413);
    expect(res.body).toEqual({ error: 'Payload Too Large', requestId: res.headers['x-request-id'] });
    expect(lines).toEqual([]);
  });
});
