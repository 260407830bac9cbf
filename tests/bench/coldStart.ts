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
import { Agent } from 'undici';
import { startEmulatorProcess, type EmbeddedGraph } from '@outreach/graph-emulator';

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

type Requests = { entries: Array<{ batchRequestId?: string }> };

/**
 * The emulator's admin API: the Graph requests a start made. It logs a `$batch`'s parts (each with
 * its id in the batch) but not the envelope: a run of parts whose ids do not repeat counts as one round trip.
 */
function requestCounter(emulator: EmbeddedGraph) {
  const dispatcher = new Agent({ connect: { ca: emulator.caCertificate } });
  const admin = async (method: string, route: string): Promise<unknown> => {
    const response = await fetch(`${emulator.info.adminUrl}/${route}`, { method, headers: { Authorization: `Bearer ${emulator.info.token}` }, dispatcher } as unknown as RequestInit);
    return response.status === 204 ? undefined : response.json();
  };
  return {
    reset: () => admin('POST', 'requests/reset'),
    count: async () => {
      const { entries } = (await admin('GET', 'requests')) as Requests;
      let roundTrips = 0;
      let batch = new Set<string>();
      for (const { batchRequestId: id } of entries) {
        if (id === undefined) batch = new Set();
        else if (batch.size > 0 && !batch.has(id)) {
          batch.add(id);
          continue;
        } else batch = new Set([id]);
        roundTrips += 1;
      }
      return { requests: entries.length, roundTrips };
    },
    close: () => dispatcher.close(),
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'outreach-coldstart-'));
  const emulator = await startEmulatorProcess(path.join(dataDir, 'emulator'));
  try {
    const counter = requestCounter(emulator);
    const rows: string[] = [];
    for (let i = 0; i < starts; i++) {
      await counter.reset();
      const ms = await timeOneStart(dataDir, emulator.info.baseUrl);
      const { requests, roundTrips } = await counter.count();
      rows.push(`| ${i === 0 ? '1 (provisions the site)' : String(i + 1)} | ${Math.round(ms)} | ${roundTrips} | ${requests} |`);
    }
    await counter.close();
    console.log('\nCold start: spawn until /healthz answers, embedded Graph already running (target: under 3 s)');
    console.log('| start | ms | Graph round trips | Graph requests |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const row of rows) console.log(row);
  } finally {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
