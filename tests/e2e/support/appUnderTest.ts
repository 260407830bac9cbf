import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { freePort } from './freePort';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const START_TIMEOUT_MS = 150_000;
const STOP_GRACE_MS = 10_000;

const healthSchema = z.object({
  status: z.literal('ok'),
  graph: z.object({ mode: z.literal('embedded') }),
  teamsClient: z.object({ url: z.string(), workerUrl: z.string().optional() }).optional(),
});

export interface AppUnderTest {
  appUrl: string;
  /** The Agents Playground page the app started (from /healthz/details teamsClient.url): Morgan Ashby, manager. */
  playgroundUrl: string;
  /** The second Playground (teamsClient.workerUrl): Rhiannon Whitlock, deputy manager. */
  workerPlaygroundUrl: string;
  /** The end of the app's and the Playground's logs (to explain a failure). */
  diagnostics(): string;
  stop(): Promise<void>;
}

// Settings that would take the app to a tenant: always blank here (empty means unset to the config).
const noTenant = Object.fromEntries(
  ['TENANT_ID', 'CLIENT_ID', 'CLIENT_SECRET', 'MANAGED_IDENTITY_CLIENT_ID', 'SITE_ID', 'SITE_HOSTNAME', 'SITE_PATH', 'GRAPH_EMULATOR_URL', 'BOT_ID', 'BOT_PASSWORD'].map((n) => [n, '']),
);

/**
 * `npm start` as a user runs it (embedded Graph + Agents Playground) on free ports with a fresh data
 * folder. The app runs in its own process group, so stopping it also stops the embedded Graph and the
 * Playground even if the app itself is stuck.
 */
export async function startAppUnderTest(options: { clockNow?: string } = {}): Promise<AppUnderTest> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'outreach-e2e-'));
  const logFile = path.join(dataDir, 'app.log');
  const log = openSync(logFile, 'a');
  const [port, playgroundPort, workerPlaygroundPort] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'app', 'main.ts')], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      ...noTenant,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(port),
      PLAYGROUND: 'on',
      PLAYGROUND_PORT: String(playgroundPort),
      PLAYGROUND_WORKER_PORT: String(workerPlaygroundPort),
      LOG_LEVEL: 'info',
      // A browser driven by a script clicks faster than a person: limits it cannot meet.
      RATE_LIMIT_PER_PERSON: '100000',
      RATE_LIMIT_PER_ADDRESS: '100000',
      ...(options.clockNow ? { CLOCK_NOW: options.clockNow } : {}),
    },
  });
  const killGroup = () => signalGroup(child, 'SIGKILL');
  process.once('exit', killGroup);
  const tail = (file: string, lines: number) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(none)');
  const logTail = () => tail(logFile, 40);
  const diagnostics = () =>
    `--- app log ---\n${tail(logFile, 20)}\n--- Playground log ---\n${tail(path.join(dataDir, 'playground', 'm365agentsplayground.log'), 12)}\n--- deputy Playground log ---\n${tail(path.join(dataDir, 'playground', 'deputy', 'm365agentsplayground.log'), 8)}`;
  // With the embedded Graph the app listens on 127.0.0.1 only (not ::1, which localhost may mean).
  const appUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.off('exit', killGroup);
    await stopGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { url: playgroundUrl, workerUrl } = await waitForPlayground(child, appUrl);
    return { appUrl, playgroundUrl, workerPlaygroundUrl: workerUrl ?? '', diagnostics, stop };
  } catch (error) {
    const message = `${error instanceof Error ? error.message : String(error)}\n--- app log ---\n${logTail()}`;
    await stop();
    throw new Error(message);
  }
}

async function waitForPlayground(child: ChildProcess, appUrl: string): Promise<{ url: string; workerUrl?: string }> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} during start-up`);
    const health = await fetch(`${appUrl}/healthz/details`).then(
      async (res) => healthSchema.safeParse(await res.json()),
      () => undefined, // not listening yet
    );
    if (health?.success && health.data.teamsClient) return health.data.teamsClient;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app and its Agents Playground were not up within ${START_TIMEOUT_MS / 1000} s`);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    // ESRCH: the whole group has already exited, which is what we want.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** SIGTERM to the app's process group (the app shuts down in order), SIGKILL if it is not gone in time. */
function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signalGroup(child, 'SIGKILL');
      resolve();
    }, STOP_GRACE_MS);
    const done = () => {
      clearTimeout(timer);
      signalGroup(child, 'SIGKILL'); // children that outlived the app
      resolve();
    };
    if (child.exitCode !== null || child.signalCode !== null) done();
    else {
      child.once('exit', done);
      signalGroup(child, 'SIGTERM');
    }
  });
}
