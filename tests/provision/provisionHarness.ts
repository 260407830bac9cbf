import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMetadataChecker, silentLogger, startEmulatorServer, type RunningEmulator } from '@outreach/graph-emulator';
import { emulatorAdmin } from '../graph/embeddedGraph';

const repoRoot = path.resolve(__dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run provision` as a child process (its exit code and output are its interface), with only the settings given. */
export function runProvisionCli(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'app', 'provision', 'main.ts'), ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface LoggedRequest { method: string; path: string; status: number; batchRequestId?: string }

/** An embedded Graph with an empty tenant (the default site, no lists, no app registration), in `<dataDir>/emulator` as `npm start` keeps it. */
export async function startEmptyTenant() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'outreach-provision-'));
  const emulatorDir = path.join(dataDir, 'emulator');
  const running: RunningEmulator = await startEmulatorServer({ dataDir: emulatorDir, port: 0, checker: createMetadataChecker(), logger: silentLogger, pid: process.pid });
  const admin = emulatorAdmin(running.info, readFileSync(running.info.caCertPath, 'utf8'));
  return {
    dataDir,
    emulatorDir,
    info: running.info,
    requests: async () => ((await admin('GET', 'requests')) as { entries: LoggedRequest[] }).entries,
    resetRequests: () => admin('POST', 'requests/reset'),
    denyPermissions: (denied: string[]) => admin('PUT', 'permissions', { denied }),
    async stop() {
      await running.stop();
      await admin.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type EmptyTenant = Awaited<ReturnType<typeof startEmptyTenant>>;

/** Requests that change something: every method but GET, except the `$batch` envelope (its parts are logged on their own). */
export const writesIn = (entries: readonly LoggedRequest[]): LoggedRequest[] => entries.filter((e) => e.method !== 'GET' && e.path !== '/$batch');
