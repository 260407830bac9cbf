import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import express from 'express';
import request from 'supertest';
import type { Client } from '@microsoft/microsoft-graph-client';
import { attachToEmulator, defaultSiteHostname, defaultSitePath } from '@outreach/graph-emulator';
import { createGraphClient } from '../../graph/client/graphClient';
import { createLogger } from '../../app/logger';
import { createServer } from '../../app/server';
import { minimalDocx } from '../support/minimalDocx';

// app/main.ts as `npm start` runs it (tsx, its own process), with the embedded Graph.
const root = path.resolve(__dirname, '../..');
const tsxCli = require.resolve('tsx/cli');
const serviceMailbox = 'outreach@outreach.example.org';

const startMain = async (dataDir: string): Promise<{ child: ChildProcess; url: string }> => {
  const child = spawn(process.execPath, [tsxCli, 'app/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir, PLAYGROUND: 'off', JOBS: 'off', CLOCK_NOW: '2026-03-04T12:00:00Z' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.resume();
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const record = JSON.parse(line) as { msg?: string; url?: string };
      if (record.msg === 'listening' && record.url) resolve(record.url);
    });
    child.once('exit', (code) => reject(new Error(`main exited with ${code} before listening`)));
  });
  return { child, url };
};
const stopMain = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = once(child, 'close');
  child.kill('SIGTERM');
  await closed;
};

describe('The file viewer and the mailbox page of a local run (embedded Graph)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'outreach-files-'));
  let main: { child: ChildProcess; url: string };
  let client: Client;
  let driveId: string;
  let folderId: string;

  beforeAll(async () => {
    main = await startMain(dataDir);
    const details = (await (await fetch(`${main.url}/healthz/details`)).json()) as { graph: { baseUrl: string }; filesPage: string; mailboxPage: string };
    expect(details.mailboxPage).toBe(`${main.url}/demo/mailbox`);
    const embedded = attachToEmulator(path.join(dataDir, 'emulator'), details.graph.baseUrl);
    client = createGraphClient({ baseUrl: embedded.info.baseUrl, getToken: async () => embedded.info.token, caCertificate: embedded.caCertificate, userAgent: 'test' });
    const drives = (await client.api(`/sites/${defaultSiteHostname}:${defaultSitePath}:/drives`).get()) as { value: Array<{ id: string; name: string }> };
    driveId = drives.value.find((d) => d.name === 'Case Files')?.id ?? '';
    const folder = (await client.api(`/drives/${driveId}/root/children`).post({ name: 'C-7Q2K4M Testfolder', folder: {} })) as { id: string };
    folderId = folder.id;
  }, 120_000);
  afterAll(async () => {
    await stopMain(main.child);
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  const upload = async (name: string, bytes: Uint8Array, type: string) =>
    (await client.api(`/drives/${driveId}/items/${folderId}:/${encodeURIComponent(name)}:/content`).header('Content-Type', type).put(Buffer.from(bytes))) as { id: string; webUrl: string };

  it('a .docx\'s webUrl opens it on this machine as HTML, escaped, with a link to download it', async () => {
    const docx = await minimalDocx(['End of outreach report OC-26-7KQ2M', 'Attendance <b>up</b> & settled'], [['Target', 'Met']]);
    const file = await upload('End of outreach report OC-26-7KQ2M.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.webUrl).toBe(`${main.url}/demo/files/${encodeURIComponent(driveId)}/${file.id}`);
    const page = await fetch(file.webUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<p>End of outreach report OC-26-7KQ2M</p>');
    expect(html).toContain('Attendance &lt;b&gt;up&lt;/b&gt; &amp; settled');
    expect(html).toContain('<td><p>Target</p></td>');
    expect(html).toContain(`href="/demo/files/${encodeURIComponent(driveId)}/${file.id}?download=1"`);
    const download = await fetch(`${file.webUrl}?download=1`);
    expect(download.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="End of outreach report OC-26-7KQ2M.docx"; filename*=UTF-8''End%20of%20outreach%20report%20OC-26-7KQ2M.docx`);
    expect(Buffer.compare(Buffer.from(await download.arrayBuffer()), docx)).toBe(0);
  });

  it('a PDF opens inline; another file downloads; a folder lists its files', async () => {
    const pdfBytes = Buffer.from('%PDF-1.7\n% consent\n');
    const pdf = await upload('Signed consent.pdf', pdfBytes, 'application/pdf');
    const shown = await fetch(pdf.webUrl);
    expect(shown.headers.get('content-type')).toBe('application/pdf');
    expect(shown.headers.get('content-disposition')).toMatch(/^inline; filename="Signed consent.pdf"/);
    expect(Buffer.compare(Buffer.from(await shown.arrayBuffer()), pdfBytes)).toBe(0);
    const csv = await upload('Visits é.csv', Buffer.from('date,visit\n'), 'text/csv');
    const kept = await fetch(csv.webUrl);
    expect(kept.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(kept.headers.get('content-disposition')).toBe(`attachment; filename="Visits _.csv"; filename*=UTF-8''Visits%20%C3%A9.csv`);
    const folder = await (await fetch(`${main.url}/demo/files/${encodeURIComponent(driveId)}/${folderId}`)).text();
    expect(folder).toContain('Signed consent.pdf');
    expect(folder).toContain(`href="/demo/files/${encodeURIComponent(driveId)}/${pdf.id}"`);
  });

  it('an unknown item or drive answers 404', async () => {
    expect((await fetch(`${main.url}/demo/files/${encodeURIComponent(driveId)}/01NOTANITEM`)).status).toBe(404);
    expect((await fetch(`${main.url}/demo/files/b!nodrive/01NOTANITEM`)).status).toBe(404);
  });

  it('the mailbox page lists every message sent, newest first, across pages of Sent Items, with attachments to download', async () => {
    const send = (subject: string, attachments: Array<{ name: string; bytes: Buffer; type: string }> = []) =>
      client.api(`/users/${serviceMailbox}/sendMail`).post({
        message: {
          subject,
          body: { contentType: 'HTML', content: '<p>x</p>' },
          toRecipients: [{ emailAddress: { address: 'head@alderbrook.sch.example.org' } }],
          ccRecipients: [{ emailAddress: { address: 'senco@alderbrook.sch.example.org' } }],
          attachments: attachments.map((a) => ({ '@odata.type': '#microsoft.graph.fileAttachment', name: a.name, contentType: a.type, contentBytes: a.bytes.toString('base64') })),
        },
        saveToSentItems: true,
      });
    const report = Buffer.alloc(2048, 7);
    await send('Report OC-26-7KQ2M <first>', [{ name: 'Report OC-26-7KQ2M.pdf', bytes: report, type: 'application/pdf' }]);
    for (let i = 0; i < 55; i++) await send(`Reminder ${i}`);
    const page = await fetch(`${main.url}/demo/mailbox`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.match(/<tr><td>/g)).toHaveLength(56);
    expect(html).toContain('Report OC-26-7KQ2M &lt;first&gt;');
    expect(html).toContain('head@alderbrook.sch.example.org');
    expect(html).toContain('senco@alderbrook.sch.example.org');
    expect(html).toContain('Report OC-26-7KQ2M.pdf</a> <span class="muted">2 KB</span>');
    expect(html.indexOf('Reminder 54')).toBeLessThan(html.indexOf('Report OC-26-7KQ2M &lt;first&gt;'));
    const link = /href="(\/demo\/mailbox\/[^"]+\/attachments\/[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toBeDefined();
    const attachment = await fetch(`${main.url}${link}`);
    expect(attachment.headers.get('content-type')).toBe('application/pdf');
    expect(attachment.headers.get('content-disposition')).toMatch(/^attachment; filename="Report OC-26-7KQ2M.pdf"/);
    expect(Buffer.compare(Buffer.from(await attachment.arrayBuffer()), report)).toBe(0);
    expect((await fetch(`${main.url}/demo/mailbox/nope/attachments/nope`)).status).toBe(404);
  }, 60_000);
});

describe('The file viewer and the mailbox page where they do not exist', () => {
  it('without the embedded Graph (a tenant) they are not mounted: 404', async () => {
    const app = createServer({ logger: createLogger({ logLevel: 'silent' }), version: '1' });
    await request(app).get('/demo/files/b!drive/01ITEM').expect(404);
    await request(app).get('/demo/mailbox').expect(404);
  });

  const external = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  (external ? it : it.skip)('from another machine\'s address they answer 404, as if they did not exist', async () => {
    const page = express.Router().get('/', (_req, res) => {
      res.send('the page');
    });
    const app = createServer({ logger: createLogger({ logLevel: 'silent' }), version: '1', filesPage: page, mailboxPage: page });
    const server = createHttpServer(app);
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      expect((await fetch(`http://127.0.0.1:${port}/demo/mailbox`)).status).toBe(200);
      expect((await fetch(`http://${external}:${port}/demo/mailbox`)).status).toBe(404);
      expect((await fetch(`http://${external}:${port}/demo/files`)).status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
