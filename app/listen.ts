import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { GraphSettings } from './config';

export interface Listening {
  server: Server;
  url: string;
}

/**
 * Where the server listens. With the embedded Graph the bot trusts the identity an activity
 * names (no Bot Framework token), so only this machine may reach it: loopback. In tenant mode
 * every interface (Azure App Service forwards to the container's), and tokens are checked.
 */
export const listenHost = (graph: Pick<GraphSettings, 'mode'>): string | undefined => (graph.mode === 'embedded' ? '127.0.0.1' : undefined);

/** Starts the HTTP server on `host` (all interfaces when absent); resolves once it accepts connections, rejects if the port cannot be used. */
export const listen = (app: Express, port: number, host?: string): Promise<Listening> =>
  new Promise((resolve, reject) => {
    const server = createHttpServer(app);
    server.once('error', reject);
    server.listen({ port, ...(host ? { host } : {}) }, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({ server, url: `http://${host ?? 'localhost'}:${address.port}` });
    });
  });
