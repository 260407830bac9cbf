import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { isTeamsDownload, teamsDownloads } from './teamsDownloads';

describe('IncomingFiles over HTTP (Teams download URLs)', () => {
  let server: Server;
  let url: string;
  const seen: string[] = [];
  beforeAll(async () => {
    const app = express();
    app.use((req, _res, next) => {
      seen.push(`${req.path} ${req.get('authorization') ?? ''}`);
      next();
    });
    app.get('/ok', (_req, res) => void res.type('application/pdf').send(Buffer.from('%PDF-1.4 ok')));
    app.get('/declared-large', (_req, res) => void res.setHeader('Content-Length', '2000').end(Buffer.alloc(2000)));
    app.get('/to-ok', (_req, res) => void res.redirect(302, '/ok'));
    app.get('/to-elsewhere', (_req, res) => void res.redirect(302, 'http://169.254.169.254/latest/meta-data'));
    app.get('/gone', (_req, res) => void res.status(404).end());
    app.get('/slow', () => undefined);
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('only https SharePoint / OneDrive hosts, or this machine when allowed; never credentials in the address', () => {
    expect(isTeamsDownload('https://contoso-my.sharepoint.com/personal/a/_layouts/15/download.aspx?UniqueId=x', false)).toBe(true);
    expect(isTeamsDownload('http://contoso-my.sharepoint.com/x', false)).toBe(false);
    expect(isTeamsDownload('https://sharepoint.com.evil.example/x', false)).toBe(false);
    expect(isTeamsDownload('https://user:pw@contoso.sharepoint.com/x', false)).toBe(false);
    expect(isTeamsDownload('http://127.0.0.1:9/x', false)).toBe(false);
    expect(isTeamsDownload('http://127.0.0.1:9/x', true)).toBe(true);
    expect(isTeamsDownload('http://10.0.0.1/x', true)).toBe(false);
    expect(isTeamsDownload('not a url', true)).toBe(false);
  });

  it('fetches with no token, follows a redirect it may follow, refuses one it may not, and caps the size', async () => {
    const files = teamsDownloads({ allowLoopback: true, timeoutMs: 2_000 });
    const got = await files.download(`${url}/ok`, 1000);
    expect(got.ok && new TextDecoder().decode(got.bytes)).toBe('%PDF-1.4 ok');
    expect(seen).toContain('/ok ');
    expect((await files.download(`${url}/to-ok`, 1000)).ok).toBe(true);
    expect(await files.download(`${url}/to-elsewhere`, 1000)).toEqual({ ok: false, reason: 'not-allowed' });
    expect(await files.download(`${url}/declared-large`, 1000)).toEqual({ ok: false, reason: 'too-large' });
    expect(await files.download(`${url}/gone`, 1000)).toEqual({ ok: false, reason: 'unavailable' });
    expect(await teamsDownloads({ allowLoopback: false }).download(`${url}/ok`, 1000)).toEqual({ ok: false, reason: 'not-allowed' });
  });

  it('a download that stalls ends at the time limit as unavailable', async () => {
    const started = Date.now();
    expect(await teamsDownloads({ allowLoopback: true, timeoutMs: 300 }).download(`${url}/slow`, 1000)).toEqual({ ok: false, reason: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
