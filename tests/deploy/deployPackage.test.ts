import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import JSZip from 'jszip';
import { startEmulatorProcess, type EmbeddedGraph } from '@outreach/graph-emulator';

// Builds the App Service zip as `npm run package:deploy` does (in a process of its own: esbuild's
// API does not run inside jest's sandbox), unzips it and starts it with plain `node server.cjs`.
// Its own embedded Graph is not in the package, so the embedded run attaches to one started here
// from the repository (GRAPH_EMULATOR_URL), the way a second instance would.
const root = path.resolve(__dirname, '../..');
const tsxCli = require.resolve('tsx/cli');

interface Started {
  child: ChildProcess;
  closed: Promise<number | null>;
  output: () => string;
}

const startServer = (folder: string, settings: Record<string, string>): Started => {
  const child = spawn(process.execPath, ['server.cjs'], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const closed = once(child, 'close').then(([code]) => code as number | null);
  return { child, closed, output: () => output.join('') };
};

const listeningUrl = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no stdout'));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const record = JSON.parse(line) as { msg?: string; url?: string };
      if (record.msg === 'listening' && record.url) resolve(record.url);
    });
    child.once('exit', (code) => reject(new Error(`server.cjs exited with ${code} before listening`)));
  });

describe('npm run package:deploy', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'outreach-deploy-'));
  const zipFile = path.join(work, 'outreach-cases.zip');
  const unzipped = path.join(work, 'wwwroot');
  let zip: JSZip;
  const started: ChildProcess[] = [];

  beforeAll(async () => {
    const tabBuilt = existsSync(path.join(root, 'tab', 'client', 'dist', 'index.html'));
    execFileSync(process.execPath, [tsxCli, 'scripts/deploy-package.ts', '--out', zipFile, '--work-dir', path.join(work, 'build'), ...(tabBuilt ? ['--skip-tab'] : [])], {
      cwd: root,
      stdio: 'pipe',
    });
    zip = await JSZip.loadAsync(readFileSync(zipFile));
    // Unzipped as App Service does into wwwroot: only what the zip holds.
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue;
      mkdirSync(path.dirname(path.join(unzipped, name)), { recursive: true });
      writeFileSync(path.join(unzipped, name), await entry.async('nodebuffer'));
    }
  }, 60_000);

  afterEach(() => {
    for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds one bundled server, the files it reads at run time, and no embedded Graph', async () => {
    const names = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir);
    expect(names).toEqual(expect.arrayContaining([
      'server.cjs',
      'package.json',
      'data/config/term-dates.json',
      'data/config/price-lists.json',
      'data/config/bank-holidays.json',
      'documents/templates/outreach-contract.docx',
      'tab/client/dist/index.html',
      'tab/client/dist/app.js',
    ]));
    // No source maps (the server's lies beside the zip), nothing native, no TypeScript to compile.
    expect(names.filter((name) => name.endsWith('.map') || name.endsWith('.node') || name.endsWith('.ts'))).toEqual([]);
    expect(names.filter((name) => name.startsWith('node_modules/better-sqlite3/'))).toEqual([]);
    const manifest = JSON.parse(await zip.file('package.json')!.async('string')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(manifest.scripts).toEqual({ start: 'node server.cjs' });
    expect(Object.keys(manifest.dependencies)).not.toContain('better-sqlite3');
    const server = await zip.file('server.cjs')!.async('string');
    expect(server).not.toMatch(/require\("better-sqlite3"\)/);
    expect(server).not.toContain('startEmulatorServer');
  });

  it('starts with node server.cjs against an embedded Graph (GRAPH_EMULATOR_URL) and answers /healthz and the tab', async () => {
    const dataDir = path.join(work, 'data');
    let embedded: EmbeddedGraph | undefined;
    try {
      embedded = await startEmulatorProcess(path.join(dataDir, 'emulator'));
      const server = startServer(unzipped, {
        PORT: '0',
        DATA_DIR: dataDir,
        GRAPH_EMULATOR_URL: embedded.info.baseUrl,
        PLAYGROUND: 'off',
        DEMO_HISTORY: 'off',
        JOBS: 'off',
      });
      started.push(server.child);
      const url = await listeningUrl(server.child);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const tab = await fetch(`${url}/tab/`);
      expect(tab.status).toBe(200);
      expect(await tab.text()).toContain('Outreach Cases');
      server.child.kill('SIGTERM');
      expect(await server.closed).toBe(0);
    } finally {
      await embedded?.stop();
    }
  }, 60_000);

  it('says plainly that it has no embedded Graph of its own when no tenant is set', async () => {
    const server = startServer(unzipped, { PORT: '0', DATA_DIR: path.join(work, 'alone'), PLAYGROUND: 'off' });
    started.push(server.child);
    expect(await server.closed).toBe(1);
    expect(server.output()).toContain('This deployment package has no embedded Graph');
  }, 30_000);

  it('checks a tenant configuration from the bundle, naming what is missing', async () => {
    const server = startServer(unzipped, { TENANT_ID: '11111111-1111-4111-8111-111111111111', CLIENT_ID: '22222222-2222-4222-8222-222222222222' });
    started.push(server.child);
    expect(await server.closed).toBe(1);
    expect(server.output()).toContain('SITE_ID (or SITE_HOSTNAME and SITE_PATH)');
  }, 30_000);
});
