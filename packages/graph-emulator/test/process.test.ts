import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Agent, request } from 'undici';
import { runtimeInfoSchema, type EmulatorRuntimeInfo } from '../src/runtime/runtimeInfo';

const entry = join(__dirname, 'fixtures', 'emulatorWithFakeChecker.ts');
const tsxCli = require.resolve('tsx/cli');

const startProcess = (dataDir: string): Promise<{ child: ChildProcess; info: EmulatorRuntimeInfo }> =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [tsxCli, entry, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)));
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => resolvePromise({ child, info: runtimeInfoSchema.parse(JSON.parse(line)) }));
  });

const stopProcess = (child: ChildProcess): Promise<void> =>
  new Promise((r) => {
    if (child.exitCode !== null) { r(); return; }
    child.removeAllListeners('exit');
    child.once('exit', () => r());
    child.kill('SIGTERM');
  });

describe('Graph emulator as its own HTTPS process', () => {
  jest.setTimeout(60_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'graph-emulator-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints its JSON line, writes emulator.json, and serves Graph over HTTPS with its own certificate and token, reused after a restart', async () => {
    const first = await startProcess(dataDir);
    try {
      expect(first.info.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
      expect(JSON.parse(readFileSync(join(dataDir, 'emulator.json'), 'utf8'))).toEqual(first.info);
      const dispatcher = new Agent({ connect: { ca: readFileSync(first.info.caCertPath, 'utf8') } });
      const site = await request(`${first.info.baseUrl}/sites/outreach.example.sharepoint.com:/sites/outreach`, {
        dispatcher, headers: { authorization: `Bearer ${first.info.token}` },
      });
      expect(site.statusCode).toBe(200);
      expect(((await site.body.json()) as { displayName: string }).displayName).toBe('Outreach');
      const anonymous = await request(`${first.info.baseUrl}/sites/outreach.example.sharepoint.com:/sites/outreach`, { dispatcher });
      expect(anonymous.statusCode).toBe(401);
      await anonymous.body.dump();
      await dispatcher.close();
      // graph.sqlite is world-readable: the data folder holds case data, so every file is the owner's only.
      const modes = readdirSync(dataDir).map((name) => [name, (statSync(join(dataDir, name)).mode & 0o777).toString(8)]);
      expect(modes.map(([name]) => name)).toEqual(expect.arrayContaining(['graph.sqlite', 'emulator.json', 'emulator-key.pem', 'emulator-cert.pem', 'emulator-token']));
      expect(modes.filter(([, mode]) => mode !== '600')).toEqual([]);
    } finally {
      await stopProcess(first.child);
    }
    const cert = readFileSync(first.info.caCertPath, 'utf8');
    const second = await startProcess(dataDir);
    try {
      expect(second.info.token).toBe(first.info.token);
      expect(readFileSync(second.info.caCertPath, 'utf8')).toBe(cert);
    } finally {
      await stopProcess(second.child);
    }
  });
});
