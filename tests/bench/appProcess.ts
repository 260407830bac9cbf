import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The resident memory of a process (Linux /proc), or undefined where there is none to read. */
export function rssOf(pid: number): number | undefined {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return undefined;
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : undefined;
}

/** CPU time (user + system) a process has used so far, in seconds (Linux /proc), or undefined. */
export function cpuSecondsOf(pid: number): number | undefined {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return undefined;
  const text = readFileSync(stat, 'utf8');
  // The fields after the command name (which may hold spaces: split after its closing parenthesis) start at `state`; utime and stime are the 12th and 13th of them.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100; // USER_HZ on Linux
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function healthzAnswers(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false; // not listening yet
  }
}

function stopApp(app: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (app.exitCode !== null || app.signalCode !== null) return resolve();
    app.once('exit', () => resolve());
    app.kill('SIGTERM');
  });
}

export interface AppProcessOptions {
  /** DATA_DIR: its `emulator` folder holds the running embedded Graph's files. */
  dataDir: string;
  emulatorUrl: string;
  /** CLOCK_NOW: the app's clock starts there. */
  clockNow?: string;
  /** Extra node flags (e.g. --heapsnapshot-signal=SIGUSR2). */
  nodeFlags?: string[];
  giveUpAfterMs?: number;
}

/**
 * The app as `npm start` runs it (tsx app/main.ts, PLAYGROUND=off) in its own process, attached
 * to an embedded Graph already running at `emulatorUrl`, with rate limits no bench meets. Resolves
 * once /healthz answers, with the time that took. BENCH_LOG_LEVEL=info shows the app's log lines.
 */
export async function startAppProcess(options: AppProcessOptions) {
  const port = await freePort();
  const giveUpAfterMs = options.giveUpAfterMs ?? 120_000;
  const began = performance.now();
  const app = spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', 'app/main.ts'], {
    env: {
      ...process.env,
      PLAYGROUND: 'off',
      PORT: String(port),
      DATA_DIR: options.dataDir,
      GRAPH_EMULATOR_URL: options.emulatorUrl,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      RATE_LIMIT_PER_PERSON: '9999999',
      RATE_LIMIT_PER_ADDRESS: '9999999',
      ...(options.clockNow ? { CLOCK_NOW: options.clockNow } : {}),
    },
    stdio: process.env.BENCH_LOG_LEVEL ? 'inherit' : 'ignore',
  });
  const stop = () => stopApp(app);
  try {
    while (performance.now() - began < giveUpAfterMs) {
      if (app.exitCode !== null) throw new Error(`the app stopped with code ${app.exitCode} before /healthz answered`);
      if (await healthzAnswers(port)) {
        const pid = app.pid;
        if (pid === undefined) throw new Error('the app has no process id');
        return { url: `http://127.0.0.1:${port}`, pid, startMs: performance.now() - began, process: app, stop };
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`/healthz did not answer within ${giveUpAfterMs} ms`);
  } catch (error) {
    await stop();
    throw error;
  }
}
