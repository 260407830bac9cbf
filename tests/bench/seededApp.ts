import { startAppProcess } from './appProcess';
import { startBenchGraph } from './benchGraph';
import { printMachine } from './benchReport';
import { seedWorkersWithCases, type SeededWorker } from './seedStaff';
import { startTeamsClicks } from './teamsClicks';

/** The app's day: on or after every date the benches' clicks record (the observation is on 21 Sep). */
const appClockNow = '2026-10-07T10:00:00Z';

export interface SeededApp {
  bench: Awaited<ReturnType<typeof startBenchGraph>>;
  workers: SeededWorker[];
  app: Awaited<ReturnType<typeof startAppProcess>>;
  teams: Awaited<ReturnType<typeof startTeamsClicks>>;
}

/**
 * Runs a bench against the app in its own process: the embedded Graph started, `staffCount`
 * workers with a case each seeded at 0 ms latency, then the app started on that Graph (its clock
 * on 7 Oct 2026) and Teams in front of it. Everything is stopped after; a failure ends the process
 * with code 1.
 */
export function benchSeededApp(name: string, staffCount: number, appNodeFlags: string[], run: (seeded: SeededApp) => Promise<void>): void {
  const main = async () => {
    const bench = await startBenchGraph(name);
    let app: SeededApp['app'] | undefined;
    let teams: SeededApp['teams'] | undefined;
    try {
      await bench.setLatency(0);
      const workers = await seedWorkersWithCases(bench.world, staffCount);
      app = await startAppProcess({ dataDir: bench.dataDir, emulatorUrl: bench.embedded.info.baseUrl, clockNow: appClockNow, nodeFlags: appNodeFlags });
      teams = await startTeamsClicks(app.url);
      await run({ bench, workers, app, teams });
      printMachine();
    } finally {
      await teams?.close();
      await app?.stop();
      await bench.stop();
    }
  };
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
