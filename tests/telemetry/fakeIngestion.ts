import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * Application Insights' ingestion (`POST /v2.1/track`) on loopback, over HTTPS (the exporter turns an
 * http:// IngestionEndpoint into https://) with the certificate given: keeps every body as it arrived.
 */
export async function startFakeIngestion(tls: { key: string; cert: string }) {
  const bodies: string[] = [];
  const server: Server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      bodies.push((req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8'));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: 0, itemsAccepted: 0, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  /** Every envelope received: a body is a JSON array, or JSON lines. */
  const envelopes = (): unknown[] =>
    bodies.flatMap((body) => {
      try {
        const parsed: unknown = JSON.parse(body);
        return Array.isArray(parsed) ? parsed : [parsed];
      } catch {
        return body.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);
      }
    });
  return { url, bodies, envelopes, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
