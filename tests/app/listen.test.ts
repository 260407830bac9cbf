import { listen } from '../../app/listen';
import { createLogger } from '../../app/logger';
import { createServer } from '../../app/server';
import { closeServer } from '../../app/shutdown';
import { appVersion } from '../../app/version';

describe('the real HTTP server', () => {
  it('listens on a free port and serves /healthz with the package version', async () => {
    const app = createServer({ logger: createLogger({ logLevel: 'silent' }), version: appVersion, health: { graph: { mode: 'embedded' } } });
    const { server, url } = await listen(app, 0);
    try {
      const res = await fetch(`${url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', version: appVersion, graph: { mode: 'embedded' } });
    } finally {
      await closeServer(server).run();
    }
  });

  it('rejects when the port is already taken', async () => {
    const app = createServer({ logger: createLogger({ logLevel: 'silent' }), version: appVersion });
    const first = await listen(app, 0);
    try {
      const port = Number(new URL(first.url).port);
      await expect(listen(app, port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await closeServer(first.server).run();
    }
  });
});
