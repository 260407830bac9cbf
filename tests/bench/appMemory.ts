/**
 * `npm run bench` (fifth part): the app's memory under use. The app runs in its own process (as
 * `npm start` runs it) on the embedded Graph (0 ms latency: memory, not time, is measured here);
 * N workers (default 50) with a case each are seeded first. Then card clicks through POST
 * /api/messages, one at a time, round the workers in turn: caseload, case card, observation form,
 * chronology form, chronology note recorded. The app process's RSS (from /proc) is read after 0,
 * 240 and 1,000 invokes (a second after the last one, so that its background work is done).
 *
 * Usage: tsx tests/bench/appMemory.ts [--invokes=N] [--staff=N] [--snapshots] [--app-node-flags="..."]
 *   --app-node-flags: node flags for the app, e.g. "--max-semi-space-size=2" (to see what V8 holds on to).
 *   --snapshots: the app also writes a heap snapshot at each checkpoint (node --heapsnapshot-signal),
 *   into a folder this prints, to compare in Chrome DevTools (Memory tab, Comparison view).
 */
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AdaptiveCardJson } from '../../bot/cards';
import { actionOf } from '../cards/cardWorld';
import { rssOf } from './appProcess';
import { mb, numberOption, printTable } from './benchReport';
import { benchSeededApp, type SeededApp } from './seededApp';
import type { SeededWorker } from './seedStaff';

const invokes = numberOption('invokes', 1000);
const staffCount = numberOption('staff', 50);
const snapshots = process.argv.includes('--snapshots');
const appNodeFlags = (process.argv.find((a) => a.startsWith('--app-node-flags='))?.slice('--app-node-flags='.length) ?? '').split(' ').filter(Boolean);
const checkpoints = [...new Set([0, 240, invokes])].filter((n) => n <= invokes).sort((a, b) => a - b);

type Clicks = SeededApp['teams'];

/** One worker's turn, as a list of clicks, each given the card the click before it answered. */
const turn = (teams: Clicks, worker: SeededWorker, note: string): Array<(card: AdaptiveCardJson | undefined) => Promise<AdaptiveCardJson>> => {
  const who = worker.staff.userId;
  const click = async (verb: string, data: Record<string, unknown>) => (await teams.click(who, verb, data)).card;
  return [
    () => click('cases.mine', {}),
    () => click('case.open', { caseId: worker.caseId }),
    (caseCard) => click('observation.open', actionOf(caseCard, 'observation.open').data),
    () => click('chronology.open', { caseId: worker.caseId }),
    (form) => click('chronology.submit', { ...actionOf(form, 'chronology.submit').data, on: '2026-10-07', category: 'update-to-home', note }),
  ];
};

/** Sends the app SIGUSR2 and waits until the snapshot it writes has stopped growing. */
async function heapSnapshot(pid: number, dir: string): Promise<string> {
  const before = new Set(readdirSync(dir));
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; waited < 120_000; waited += 500) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const file = readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
    if (!file) continue;
    const size = statSync(path.join(dir, file)).size;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (existsSync(path.join(dir, file)) && statSync(path.join(dir, file)).size === size && size > 0) return path.join(dir, file);
  }
  throw new Error('the app wrote no heap snapshot within 120 s');
}

const snapshotDir = snapshots ? mkdtempSync(path.join(tmpdir(), 'outreach-heap-')) : undefined;
const nodeFlags = [...appNodeFlags, ...(snapshotDir ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`] : [])];

benchSeededApp('bench-memory', staffCount, nodeFlags, async ({ workers, app, teams }) => {
  const pid = app.pid;
  const rows: Array<Array<string | number>> = [];
  const checkpoint = async (done: number) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rss = rssOf(pid);
    rows.push([done, rss === undefined ? '–' : mb(rss)]);
    if (snapshotDir) console.log(`heap snapshot after ${done} invokes: ${await heapSnapshot(pid, snapshotDir)}`);
  };
  let done = 0;
  let round = 0;
  if (checkpoints.includes(0)) await checkpoint(0);
  while (done < invokes) {
    const worker = workers[round % workers.length];
    if (!worker) throw new Error('no workers seeded');
    round += 1;
    let card: AdaptiveCardJson | undefined;
    for (const step of turn(teams, worker, `Phoned the parent, call ${round}: a calm week.`)) {
      if (done >= invokes) break;
      card = await step(card);
      done += 1;
      if (checkpoints.includes(done)) await checkpoint(done);
    }
  }
  printTable(
    `App process memory (RSS) after card invokes through /api/messages, app in its own process${appNodeFlags.length ? ` (node ${appNodeFlags.join(' ')})` : ''}, ${workers.length} staff (target: under 150 MB after 1,000; was 226 MB after 240, measured in the bench's process)`,
    ['invokes', 'app RSS'],
    rows,
  );
});
