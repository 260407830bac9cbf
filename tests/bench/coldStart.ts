/**
 * `npm run bench` (third part): cold start. The embedded Graph is started once and left running;
 * then the app is started N times as `npm start` runs it (tsx app/main.ts, PLAYGROUND=off,
 * GRAPH_EMULATOR_URL pointing at that emulator) and the time from spawning the process until
 * /healthz answers is measured. The first start also provisions the site; the later ones find it.
 * Not a test: numbers vary with the machine; read them.
 *
 * Usage: tsx tests/bench/coldStart.ts [--starts=N] (default 3).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulatorProcess } from '@outreach/graph-emulator';

const starts = Number(process.argv.find((a) => a.startsWith('--starts='))?.slice('--starts='.length) ?? 3);
const giveUpAfterMs = 120_000;

function freePort(): Promise<number> {
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
    return false;
  }
}

function stopApp(app: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (app.exitCode !== null) return resolve();
    app.once('exit', () => resolve());
    app.kill('SIGTERM');
  });
}

/** Spawns the app and polls /healthz every 20 ms: milliseconds until it answered. */
async function timeOneStart(dataDir: string, emulatorUrl: string): Promise<number> {
  const port = await freePort();
  const began = performance.now();
  const app = spawn(process.execPath, ['--import', 'tsx', 'app/main.ts'], {
    env: { ...process.env, PLAYGROUND: 'off', PORT: String(port), DATA_DIR: dataDir, GRAPH_EMULATOR_URL: emulatorUrl, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn' },
    // BENCH_LOG_LEVEL=info shows the app's own log lines (their times say where a start spends its time).
    stdio: process.env.BENCH_LOG_LEVEL ? 'inherit' : 'ignore',
  });
  try {
    while (performance.now() - began < giveUpAfterMs) {
      if (app.exitCode !== null) throw new Error(`the app stopped with code ${app.exitCode} before /healthz answered`);
      if (await healthzAnswers(port)) return performance.now() - began;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`/healthz did not answer within ${giveUpAfterMs} ms`);
  } finally {
    await stopApp(app);
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'outreach-coldstart-'));
  const emulator = await startEmulatorProcess(path.join(dataDir, 'emulator'));
  try {
    const times: number[] = [];
    for (let i = 0; i < starts; i++) times.push(await timeOneStart(dataDir, emulator.info.baseUrl));
    console.log('\nCold start: spawn until /healthz answers, embedded Graph already running (target: under 3 s)');
    console.log('| start | ms |');
    console.log('| --- | ---: |');
    times.forEach((ms, i) => console.log(`| ${i === 0 ? '1 (provisions the site)' : String(i + 1)} | ${Math.round(ms)} |`));
  } finally {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
