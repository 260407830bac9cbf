import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import request from 'supertest';
import { attachToEmulator, runtimeInfoPath, runtimeInfoSchema, type EmbeddedGraph } from '@outreach/graph-emulator';
import { readFileSync } from 'node:fs';
import { createGraphClient } from '../../graph/client/graphClient';
import { createLogger } from '../../app/logger';
import { createServer } from '../../app/server';

// app/main.ts as `npm start` runs it (tsx, its own process), with the embedded Graph and the clock set.
const root = path.resolve(__dirname, '../..');
const tsxCli = require.resolve('tsx/cli');
const clockNow = '2026-03-04T12:00:00Z';
const harriet = { id: '00000000-0000-4000-8000-000000000004', displayName: 'Harriet Lunde', mail: 'harriet.lunde@outreach.example.org' };
const kofi = { id: '00000000-0000-4000-8000-000000000007', displayName: 'Kofi Renwick', mail: 'kofi.renwick@outreach.example.org' };

const startMain = async (dataDir: string): Promise<{ child: ChildProcess; url: string }> => {
  const child = spawn(process.execPath, [tsxCli, 'app/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir, PLAYGROUND: 'off', CLOCK_NOW: clockNow },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Read, so that the output ends and 'close' comes when the process stops.
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

const page = async (url: string): Promise<{ status: number; html: string }> => {
  const response = await fetch(url);
  return { status: response.status, html: await response.text() };
};

describe('The diary page of a local run (embedded Graph)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'outreach-diary-'));
  let main: { child: ChildProcess; url: string };
  let diaryUrl: string;
  let embedded: EmbeddedGraph;

  beforeAll(async () => {
    main = await startMain(dataDir);
    const details = (await (await fetch(`${main.url}/healthz/details`)).json()) as { diaryPage: string; graph: { baseUrl: string } };
    diaryUrl = details.diaryPage;
    embedded = attachToEmulator(path.join(dataDir, 'emulator'), details.graph.baseUrl);
  }, 120_000);
  afterAll(async () => {
    await stopMain(main.child);
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('is listed in /healthz/details and shows a demo worker\'s seeded week in UK time, with a staff picker and week links', async () => {
    expect(diaryUrl).toBe(`${main.url}/demo/diary`);
    const { status, html } = await page(`${diaryUrl}?user=${harriet.mail}&week=2026-03-02`);
    expect(status).toBe(200);
    expect(html).toContain('Harriet Lunde: week of Mon 2 Mar 2026');
    expect(html).toContain('Outreach team meeting');
    expect(html).toContain('invited by Morgan Ashby');
    expect(html).toMatch(/<span class="time">09:30–10:30<\/span>/);
    expect(html).toContain('<span class="flag">private</span>');
    expect(html).toContain('href="/demo/diary?user=harriet.lunde%40outreach.example.org&amp;week=2026-02-23"');
    expect(html).toContain('href="/demo/diary?user=kofi.renwick%40outreach.example.org&amp;week=2026-03-02"');
    // Without a week: the week of the app's clock (CLOCK_NOW).
    expect((await page(`${diaryUrl}?user=${harriet.id}`)).html).toContain('week of Mon 2 Mar 2026');
    // Workers' diaries differ.
    const other = (await page(`${diaryUrl}?user=${kofi.mail}&week=2026-03-02`)).html;
    expect(other).toContain('Not working (part-time)');
    expect(other.replace(/Kofi Renwick/g, '')).not.toEqual(html.replace(/Harriet Lunde/g, ''));
  });

  it('shows bookings: the Teams link, "Teams link pending", attendees, and cancelled ones struck through with the comment; everything escaped', async () => {
    const info = runtimeInfoSchema.parse(JSON.parse(readFileSync(runtimeInfoPath(path.join(dataDir, 'emulator')), 'utf8')));
    const client = createGraphClient({ baseUrl: info.baseUrl, getToken: async () => info.token, caCertificate: embedded.caCertificate, userAgent: 'test' });
    const book = (mailbox: string, subject: string, day: string) => client.api(`/users/${mailbox}/events`).post({
      subject, sensitivity: 'private', isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness',
      start: { dateTime: `${day}T16:00:00`, timeZone: 'Europe/London' }, end: { dateTime: `${day}T16:30:00`, timeZone: 'Europe/London' },
      attendees: [{ emailAddress: { address: 'senco@alderbrookprim.sch.example.org', name: 'Sam <Wren>' } }],
    }) as Promise<{ id: string; onlineMeeting: { joinUrl: string } | null }>;
    const online = await book(harriet.mail, 'OC-26-7KQ2M <b>school</b> meeting', '2026-03-05');
    const gone = await book(harriet.mail, 'OC-26-7KQ2M home visit call', '2026-03-06');
    await client.api(`/users/${harriet.mail}/events/${gone.id}/cancel`).post({ comment: 'Parent asked to move it & rebook' });
    await embedded.registerUsers([{ ...kofi, teamsLinkAfterReads: 3 }]);
    await book(kofi.mail, 'OC-26-7KQ2M review', '2026-03-04');

    const html = (await page(`${diaryUrl}?user=${harriet.mail}&week=2026-03-02`)).html;
    expect(html).toContain('OC-26-7KQ2M &lt;b&gt;school&lt;/b&gt; meeting');
    expect(html).not.toContain('<b>school</b>');
    expect(html).toContain(`<a href="${online.onlineMeeting?.joinUrl ?? 'missing'}">join link</a>`);
    expect(html).toContain('Sam &lt;Wren&gt; &lt;senco@alderbrookprim.sch.example.org&gt;');
    expect(html).toMatch(/<li class="cancelled"><del>.*OC-26-7KQ2M home visit call.*<\/del><br><small>cancelled: Parent asked to move it &amp; rebook<\/small><\/li>/);
    expect((await page(`${diaryUrl}?user=${kofi.mail}&week=2026-03-02`)).html).toContain('Teams link pending');
  });

  it('answers 404 for someone the embedded Graph does not know, and 400 for a week that is not a date', async () => {
    expect((await page(`${diaryUrl}?user=nobody@example.org`)).status).toBe(404);
    expect((await page(`${diaryUrl}?user=${harriet.mail}&week=next`)).status).toBe(400);
  });

  it('seeds the diaries once: a restart on the same data finds the same week', async () => {
    const before = (await embedded.diary(harriet.mail, new Date('2026-02-23T00:00:00Z'), new Date('2026-04-20T00:00:00Z')))?.value.length;
    await stopMain(main.child);
    main = await startMain(dataDir);
    // The embedded Graph is a new process on a new port: attach to it again.
    const details = (await (await fetch(`${main.url}/healthz/details`)).json()) as { graph: { baseUrl: string } };
    embedded = attachToEmulator(path.join(dataDir, 'emulator'), details.graph.baseUrl);
    const after = (await embedded.diary(harriet.mail, new Date('2026-02-23T00:00:00Z'), new Date('2026-04-20T00:00:00Z')))?.value.length;
    expect(before).toBeGreaterThan(20);
    expect(after).toBe(before);
  }, 120_000);
});

describe('The diary page where there is none', () => {
  it('without the embedded Graph (a tenant) the page does not exist: 404', async () => {
    const app = createServer({ logger: createLogger({ logLevel: 'silent' }), version: '1' });
    await request(app).get('/demo/diary?user=someone@example.org').expect(404);
  });
});
