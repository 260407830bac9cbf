import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

// Runs app/main.ts the way `npm start` does (tsx), in its own process. tsx is started with node
// directly: `npx` does not pass SIGTERM on to its child, which would leave the server orphaned.
const root = path.resolve(__dirname, '../..');
const tsxCli = require.resolve('tsx/cli');

interface MainProcess {
  child: ChildProcess;
  /** The exit code, once the process has ended and its output is closed. */
  closed: Promise<number | null>;
  stderr: () => string;
}

const startMain = (settings: Record<string, string>): MainProcess => {
  const child = spawn(process.execPath, [tsxCli, 'app/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const closed = once(child, 'close').then(([code]) => code as number | null);
  return { child, closed, stderr: () => stderr.join('') };
};

/** Resolves with the URL from the first `listening` log line. */
const listeningUrl = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no stdout'));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const record = JSON.parse(line) as { msg?: string; url?: string };
      if (record.msg === 'listening' && record.url) resolve(record.url);
    });
    child.once('exit', (code) => reject(new Error(`main exited with ${code} before listening`)));
  });

describe('app/main.ts as a process', () => {
  const started: ChildProcess[] = [];
  afterEach(() => {
    for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('starts the embedded Graph, serves /healthz/details saying so, then stops cleanly with exit code 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'outreach-main-'));
    try {
      const main = startMain({ PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir, PLAYGROUND: 'off' });
      started.push(main.child);
      const url = await listeningUrl(main.child);
      const health = await fetch(`${url}/healthz/details`);
      expect(await health.json()).toMatchObject({ status: 'ok', graph: { mode: 'embedded', baseUrl: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+\/v1\.0$/) } });
      main.child.kill('SIGTERM');
      expect(await main.closed).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('BOT_ID and BOT_PASSWORD are removed: setting them refuses to start, saying the bot is now CLIENT_ID', async () => {
    const main = startMain({ BOT_ID: '33333333-3333-4333-8333-333333333333', BOT_PASSWORD: 'not-a-real-secret' });
    started.push(main.child);
    expect(await main.closed).toBe(1);
    expect(main.stderr()).toContain("BOT_ID: is no longer read: the bot is now CLIENT_ID's app registration");
    expect(main.stderr()).toContain('Remove BOT_PASSWORD.');
    expect(main.stderr()).not.toContain('not-a-real-secret');
  }, 30_000);

  it('refuses to start on a partial tenant configuration, naming the missing settings', async () => {
    const main = startMain({ TENANT_ID: '11111111-1111-4111-8111-111111111111', CLIENT_ID: '22222222-2222-4222-8222-222222222222' });
    started.push(main.child);
    expect(await main.closed).toBe(1);
    expect(main.stderr()).toContain("missing MANAGED_IDENTITY_CLIENT_ID (in Azure) or CLIENT_SECRET (a developer's machine against a test tenant), SITE_ID (or SITE_HOSTNAME and SITE_PATH)");
  }, 30_000);

  it('refuses to start on invalid settings: names them, exits 1, prints no stack trace', async () => {
    const main = startMain({ PORT: 'not-a-port', LOG_LEVEL: 'loud' });
    started.push(main.child);
    expect(await main.closed).toBe(1);
    const stderr = main.stderr();
    expect(stderr).toContain('Invalid configuration:');
    expect(stderr).toContain('PORT: must be a whole number from 0 to 65535');
    expect(stderr).toContain('LOG_LEVEL: must be one of');
    expect(stderr).not.toMatch(/^\s+at /m);
  }, 60_000);
});

/** Every file and folder under `dir`, with its permission bits. */
const modesUnder = (dir: string): Array<{ path: string; mode: number; folder: boolean }> =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((entry) => {
    const stat = statSync(path.join(dir, entry));
    return { path: entry, mode: stat.mode & 0o777, folder: stat.isDirectory() };
  });

/** Whether a TCP connection to `host:port` is accepted. */
const accepts = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('The server is too open: an embedded start as `npm start` runs it (with the Playground)', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'outreach-open-'));
  const dataDir = path.join(parent, 'data'); // not there yet: the app makes it
  let main: MainProcess;
  let url: string;

  beforeAll(async () => {
    main = startMain({ PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir, PLAYGROUND: 'on' });
    url = await listeningUrl(main.child);
  }, 90_000);

  afterAll(async () => {
    if (main.child.exitCode === null && main.child.signalCode === null) {
      main.child.kill('SIGTERM');
      await main.closed;
    }
    rmSync(parent, { recursive: true, force: true });
  }, 60_000);

  it('listens on 127.0.0.1 only: the identity in an activity is trusted, so no other machine may reach it', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(url).port);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    const outside = Object.values(networkInterfaces()).flat().filter((i) => i !== undefined && !i.internal && i.family === 'IPv4');
    for (const address of outside) expect([address?.address, await accepts(address?.address ?? '', port)]).toEqual([address?.address, false]);
  });

  it('the public /healthz says only that the app is up, its version and where the tab is', async () => {
    const body = (await (await fetch(`${url}/healthz`)).json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['status', 'tab', 'version']);
    expect(body.status).toBe('ok');
    expect(body.tab).toBe('/tab');
  });

  it('/healthz/details, asked from this machine, has the Graph mode and URL, the site, the bot endpoint and the Playgrounds', async () => {
    const body = (await (await fetch(`${url}/healthz/details`)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 'ok',
      graph: { mode: 'embedded', baseUrl: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+\/v1\.0$/), siteId: expect.any(String) },
      bot: { endpoint: '/api/messages', auth: 'anonymous' },
      teamsClient: expect.anything(),
    });
  });

  it('DATA_DIR is made for this user only (0700), and every file in it, graph.sqlite and the Playground logs too, is 0600', () => {
    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
    const entries = modesUnder(dataDir);
    expect(entries.map((e) => path.basename(e.path))).toEqual(expect.arrayContaining(['graph.sqlite']));
    const open = entries.filter((e) => (e.mode & 0o077) !== 0).map((e) => `${e.path} ${e.mode.toString(8)}`);
    expect(open).toEqual([]);
  });
});
