import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Listening {
  server: Server;
  url: string;
}

/**
 * Starts the HTTP server on all interfaces (Azure App Service needs that); resolves once it
 * accepts connections, rejects if the port cannot be used.
 */
export const listen = (app: Express, port: number): Promise<Listening> =>
  new Promise((resolve, reject) => {
    const server = createHttpServer(app);
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({ server, url: `http://localhost:${address.port}` });
    });
  });
