import { Router } from 'express';
import request from 'supertest';
import type { DestinationStream } from 'pino';
import { createLogger } from './logger';
import { createServer } from './server';

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

  it('adds the entries the composition root supplies, without letting them replace status or version', async () => {
    const health = { graph: { mode: 'embedded', baseUrl: 'https://localhost:8443' }, status: 'broken', version: 'x' };
    const app = createServer({ logger: capture().logger, version: '1.2.3', health });
    const res = await request(app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok', version: '1.2.3', graph: { mode: 'embedded', baseUrl: 'https://localhost:8443' } });
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
