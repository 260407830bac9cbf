import type { IncomingHttpHeaders } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { createGraphClient } from '../../graph/client/graphClient';
import { fileBytes } from '../../graph/client/fileContent';

// A stand-in Graph on one origin: the file's content answers 302 to a pre-authenticated URL on the same host and port,
// which the SDK's own redirect handling would follow with the bearer token still attached.
describe('a file\'s content behind a 302', () => {
  let server: Server;
  let baseUrl: string;
  let cert: string;
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];

  beforeAll(async () => {
    const made = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [{ name: 'basicConstraints', cA: true }, { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    cert = made.cert;
    server = createServer({ key: made.private, cert: made.cert }, (req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      if (req.url?.startsWith('/v1.0/drives/d1/items/i1/content')) {
        res.writeHead(302, { location: `${baseUrl}/_layouts/15/download.aspx?tempauth=abc` }).end();
      } else if (req.url === '/_layouts/15/download.aspx?tempauth=abc') {
        res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7 bytes');
      } else if (req.url === '/_layouts/15/download.aspx?tempauth=gone') {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'unauthenticated', message: 'expired' } }));
      } else if (req.url?.startsWith('/v1.0/drives/d1/items/i2/content')) {
        res.writeHead(302, { location: `${baseUrl}/_layouts/15/download.aspx?tempauth=gone` }).end();
      } else {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'itemNotFound', message: 'The resource could not be found.' } }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  }));
  beforeEach(() => {
    seen.length = 0;
  });

  const client = () => createGraphClient({ baseUrl, getToken: async () => 'secret-graph-token', caCertificate: cert, userAgent: 'test', maxRetries: 0 });

  it('follows the redirect without sending the Graph token to the download URL', async () => {
    const file = await fileBytes(client(), '/drives/d1/items/i1/content?format=pdf');
    expect(Buffer.from(file.bytes).toString()).toBe('%PDF-1.7 bytes');
    expect(file.contentType).toBe('application/pdf');
    expect(seen.map((s) => s.url)).toEqual(['/v1.0/drives/d1/items/i1/content?format=pdf', '/_layouts/15/download.aspx?tempauth=abc']);
    expect(seen[0]?.headers.authorization).toBe('Bearer secret-graph-token');
    expect(seen[1]?.headers.authorization).toBeUndefined();
  });

  it('a missing file, or an expired download URL, fails with the status and Graph\'s code', async () => {
    await expect(fileBytes(client(), '/drives/d1/items/nope/content')).rejects.toMatchObject({ statusCode: 404, code: 'itemNotFound' });
    await expect(fileBytes(client(), '/drives/d1/items/i2/content')).rejects.toMatchObject({ statusCode: 401, code: 'unauthenticated' });
  });
});
