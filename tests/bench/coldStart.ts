/**
 * `npm run bench` (third part): cold start. The embedded Graph is started once and left running;
 * then the app is started N times as `npm start` runs it (tsx app/main.ts, PLAYGROUND=off,
 * GRAPH_EMULATOR_URL pointing at that emulator) and the time from spawning the process until
 * /healthz answers is measured. The first start also provisions the site; the later ones find it.
 * Not a test: numbers vary with the machine; read them.
 *
 * Usage: tsx tests/bench/coldStart.ts [--starts=N] (default 3).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent } from 'undici';
import { startEmulatorProcess, type EmbeddedGraph } from '@outreach/graph-emulator';
import { startAppProcess } from './appProcess';
import { numberOption, printMachine } from './benchReport';
import { costOfLog } from './graphCost';

const starts = numberOption('starts', 3);

/** Spawns the app and polls /healthz every 20 ms: milliseconds until it answered. */
async function timeOneStart(dataDir: string, emulatorUrl: string): Promise<number> {
  const app = await startAppProcess({ dataDir, emulatorUrl });
  await app.stop();
  return app.startMs;
}

/** The emulator's admin API: the Graph requests and round trips a start made. */
function requestCounter(emulator: EmbeddedGraph) {
  const dispatcher = new Agent({ connect: { ca: emulator.caCertificate } });
  const admin = async (method: string, route: string): Promise<unknown> => {
    const response = await fetch(`${emulator.info.adminUrl}/${route}`, { method, headers: { Authorization: `Bearer ${emulator.info.token}` }, dispatcher } as unknown as RequestInit);
    return response.status === 204 ? undefined : response.json();
  };
  return {
    reset: () => admin('POST', 'requests/reset'),
    count: async () => {
      const { requests, calls } = costOfLog(await admin('GET', 'requests'), 0);
      return { requests, roundTrips: calls };
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
    printMachine();
  } finally {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
