/**
 * `npm run bench` (fourth part): many staff at once. The app runs in its own process (as
 * `npm start` runs it) on the embedded Graph with 100 ms latency on every Graph request; N
 * workers (default 50), each a distinct member of staff with a case of their own (seeded first,
 * through the store and the use cases, outside the measured window), all click at the same moment
 * through POST /api/messages on loopback: their caseload, their case, the observation form, and the
 * observation submitted. Each click waits for the one before (a person reads the card first), with
 * no pause between. Reports p50 and p95 of the invoke's response time, and of the time until the
 * card the person ends up seeing arrived (the same, unless the interim card answered first), per
 * verb and overall, and the Graph requests and resource units the load cost. Before the load, one
 * more worker's session alone on the app just started gives each click's cost with a cold cache.
 * Bounded: N x 4 clicks, and it gives up after --limit-s seconds (default 180).
 *
 * Usage: tsx tests/bench/concurrentStaff.ts [--staff=N] [--limit-s=S]
 */
import { availableParallelism } from 'node:os';
import { actionOf } from '../cards/cardWorld';
import { cpuSecondsOf } from './appProcess';
import { ms, numberOption, percentile, printTable } from './benchReport';
import { costOfLog } from './graphCost';
import { benchSeededApp, type SeededApp } from './seededApp';
import type { SeededWorker } from './seedStaff';
import type { TimedClick } from './teamsClicks';

const staffCount = numberOption('staff', 50);
const limitMs = numberOption('limit-s', 180) * 1000;
const latencyMs = 100;

const observationTyped = {
  observedOn: '2026-09-21', setting: 'Year 4 classroom, maths', focus: 'classroom', outcome: 'Settles with an adult nearby; struggles at transitions.',
  wayForward: 'Transition warnings and a calm corner.', strategiesInUse: 'Visual timetable', strategiesPartly: '', strategiesNotWorking: '', strategiesNotInUse: '',
};

type Clicks = SeededApp['teams'];

/**
 * One worker's session: caseload, case card, observation form, observation recorded. `around`
 * wraps each click (to read what it cost).
 */
async function session(teams: Clicks, worker: SeededWorker, around = (click: () => Promise<TimedClick>) => click()): Promise<TimedClick[]> {
  const who = worker.staff.userId;
  const done: TimedClick[] = [];
  const click = async (verb: string, data: Record<string, unknown>) => {
    const timed = await around(() => teams.click(who, verb, data));
    done.push(timed);
    return timed.card;
  };
  await click('cases.mine', {});
  const caseCard = await click('case.open', { caseId: worker.caseId });
  const form = await click('observation.open', actionOf(caseCard, 'observation.open').data);
  await click('observation.submit', { ...actionOf(form, 'observation.submit').data, ...observationTyped });
  return done;
}

// One more worker than the load: the first session, alone on the app just started, is the cold one.
benchSeededApp('bench-concurrent', staffCount + 1, [], async ({ bench, workers: seeded, app, teams: clicks }) => {
  const [first, ...workers] = seeded;
  if (!first) throw new Error('no workers seeded');
  await bench.setLatency(latencyMs);
  const cold: Array<Array<string | number>> = [];
  await session(clicks, first, async (click) => {
    await bench.admin('POST', 'requests/reset');
    const timed = await click();
    const cost = costOfLog(await bench.admin('GET', 'requests'), latencyMs);
    cold.push([timed.verb, cost.requests, cost.calls, cost.roundTrips, cost.resourceUnits, ms(timed.responseMs), ms(timed.doneMs)]);
    return timed;
  });
  printTable(
    `Cold: one worker's clicks alone on the app just started (its reference cache empty), ${latencyMs} ms Graph latency; times in ms (target: at most 3 round trips cold)`,
    ['click', 'requests', 'calls', 'round trips', 'resource units', 'response', 'until done'],
    cold,
  );
  await bench.setLatency(0);

  // Warm-up outside the window: each worker's caseload once (the app's caches and code warm, as in a working day).
  for (const worker of workers) await clicks.click(worker.staff.userId, 'cases.mine', {});

  await bench.setLatency(latencyMs);
  await bench.admin('POST', 'requests/reset');
  const cpu = { app: cpuSecondsOf(app.pid), emulator: cpuSecondsOf(bench.embedded.info.pid), bench: process.cpuUsage() };
  const started = performance.now();
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the load did not finish within ${limitMs / 1000} s`)), limitMs).unref());
  const sessions = await Promise.race([Promise.all(workers.map((w) => session(clicks, w))), timeout]);
  const wallMs = performance.now() - started;
  const cpuUsed = (before: number | undefined, after: number | undefined) => (before === undefined || after === undefined ? '–' : (after - before).toFixed(1));
  const benchCpu = process.cpuUsage(cpu.bench);
  const cpuColumns = [cpuUsed(cpu.app, cpuSecondsOf(app.pid)), cpuUsed(cpu.emulator, cpuSecondsOf(bench.embedded.info.pid)), ((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)];
  const cost = costOfLog(await bench.admin('GET', 'requests'), latencyMs);
  await bench.setLatency(0);

  const all = sessions.flat();
  const verbs = [...new Set(all.map((c) => c.verb))];
  const line = (label: string, of: TimedClick[]) => [
    label,
    of.length,
    ms(percentile(of.map((c) => c.responseMs), 50)),
    ms(percentile(of.map((c) => c.responseMs), 95)),
    ms(Math.max(...of.map((c) => c.responseMs))),
    of.filter((c) => c.interim).length,
    ms(percentile(of.map((c) => c.doneMs), 50)),
    ms(percentile(of.map((c) => c.doneMs), 95)),
  ];
  printTable(
    `${workers.length} staff at once through POST /api/messages on loopback, ${latencyMs} ms Graph latency, app in its own process; times in ms (target: p95 under 1 s)`,
    ['clicks', 'count', 'p50 response', 'p95 response', 'max response', 'interim cards', 'p50 until done', 'p95 until done'],
    [...verbs.map((verb) => line(verb, all.filter((c) => c.verb === verb))), line('all', all)],
  );
  printTable(
    `What the load cost (CPU: seconds each process used in the window; this machine has ${availableParallelism()} cores)`,
    ['wall time (s)', 'clicks', 'clicks per second', 'Graph requests', 'Graph calls', 'resource units', 'resource units per minute', 'app CPU (s)', 'emulator CPU (s)', 'bench CPU (s)'],
    [[(wallMs / 1000).toFixed(1), all.length, (all.length / (wallMs / 1000)).toFixed(1), cost.requests, cost.calls, cost.resourceUnits, Math.round(cost.resourceUnits / (wallMs / 60_000)), ...cpuColumns]],
  );
});
