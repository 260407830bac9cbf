import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it('starts the embedded Graph, serves /healthz saying so, then stops cleanly with exit code 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'outreach-main-'));
    try {
      const main = startMain({ PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir });
      started.push(main.child);
      const url = await listeningUrl(main.child);
      const health = await fetch(`${url}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok', graph: { mode: 'embedded', baseUrl: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+\/v1\.0$/) } });
      main.child.kill('SIGTERM');
      expect(await main.closed).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses to start on a partial tenant configuration, naming the missing settings', async () => {
    const main = startMain({ TENANT_ID: '11111111-1111-4111-8111-111111111111', CLIENT_ID: '22222222-2222-4222-8222-222222222222' });
    started.push(main.child);
    expect(await main.closed).toBe(1);
    expect(main.stderr()).toContain('missing CLIENT_SECRET, SITE_ID (or SITE_HOSTNAME and SITE_PATH)');
  }, 15_000);

  it('refuses to start on invalid settings: names them, exits 1, prints no stack trace', async () => {
    const main = startMain({ PORT: 'not-a-port', LOG_LEVEL: 'loud' });
    started.push(main.child);
    expect(await main.closed).toBe(1);
    const stderr = main.stderr();
    expect(stderr).toContain('Invalid configuration:');
    expect(stderr).toContain('PORT: must be a whole number from 0 to 65535');
    expect(stderr).toContain('LOG_LEVEL: must be one of');
    expect(stderr).not.toMatch(/^\s+at /m);
  }, 15_000);
});
