import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { listen, listenHost } from '../../app/listen';
import { createLogger } from '../../app/logger';
import { createServer } from '../../app/server';
import { closeServer } from '../../app/shutdown';
import { appVersion } from '../../app/version';

const details = { graph: { mode: 'embedded', baseUrl: 'https://127.0.0.1:8443/v1.0' } };
const app = () => createServer({ logger: createLogger({ logLevel: 'silent' }), version: appVersion, details });

/** An IPv4 address of this machine that is not loopback (another machine would reach the server on it), if it has one. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal)?.address;

/** A request from this machine through its non-loopback interface: as another machine on the network would send it. */
const fromOutside = async (port: number, path: string): Promise<number | string> =>
  fetch(`http://${outsideAddress}:${port}${path}`).then(
    (res) => res.status,
    (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
  );

describe('the real HTTP server', () => {
  it('listens on a free port and serves /healthz with the package version', async () => {
    const { server, url } = await listen(app(), 0);
    try {
      const res = await fetch(`${url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', version: appVersion });
    } finally {
      await closeServer(server).run();
    }
  });

  it('rejects when the port is already taken', async () => {
    const first = await listen(app(), 0);
    try {
      const port = Number(new URL(first.url).port);
      await expect(listen(app(), port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await closeServer(first.server).run();
    }
  });
});

describe('The server is too open: where it listens', () => {
  it('with the embedded Graph (identities not checked) it listens on 127.0.0.1 only: the network cannot reach it', async () => {
    const { server, url } = await listen(app(), 0, listenHost({ mode: 'embedded' }));
    try {
      expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/healthz/details`)).status).toBe(200);
      if (outsideAddress) expect(await fromOutside((server.address() as AddressInfo).port, '/healthz')).toBe('ECONNREFUSED');
    } finally {
      await closeServer(server).run();
    }
  });

  it('in tenant mode it listens on every interface (App Service); /healthz/details never answers a request from the network', async () => {
    expect(listenHost({ mode: 'tenant' })).toBeUndefined();
    const { server } = await listen(app(), 0, listenHost({ mode: 'tenant' }));
    try {
      expect(['::', '0.0.0.0']).toContain((server.address() as AddressInfo).address);
      // No machine here to prove it from outside: nothing more to check.
      if (!outsideAddress) return;
      const port = (server.address() as AddressInfo).port;
      expect(await fromOutside(port, '/healthz')).toBe(200);
      expect(await fromOutside(port, '/healthz/details')).toBe(404);
    } finally {
      await closeServer(server).run();
    }
  });
});
