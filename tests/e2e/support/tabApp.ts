import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startAppProcess } from '../../bench/appProcess';
import { startBenchGraph } from '../../bench/benchGraph';
import { caseSteps, childDetails } from '../../support/caseSteps';
import type { World } from '../../support/world';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The app's day: after every date the seeded steps record. */
export const tabClockNow = '2026-10-07T10:00:00Z';

export interface TabApp {
  appUrl: string;
  /** The tab's page (`/tab/`), with `?theme=` when given. */
  tabUrl(theme?: 'light' | 'dark' | 'contrast'): string;
  world: World;
  /** Clears the embedded Graph's request log. */
  resetGraphLog(): Promise<void>;
  /** Graph round trips (a `$batch` envelope counts once) and requests since the last reset. */
  graphRequests(): Promise<{ trips: number; requests: number }>;
  stop(): Promise<void>;
}

export interface SeedContext {
  world: World;
  /** The embedded Graph's data folder (DATA_DIR/emulator), for bulkInsertListItems. */
  emulatorDir: string;
  /** The embedded Graph's Cases list name. */
  casesList: string;
}

interface RequestLog {
  entries: { path: string; batchRequestId?: string }[];
}

/** Builds tab/client/dist (a few seconds), so the tests never run a stale build of the browser app. */
export function buildTab(): void {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'build-tab.ts')], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * The app as `npm start` runs it with the embedded Graph but without the Agents Playground
 * (PLAYGROUND=off): the embedded Graph started first and provisioned, `seed` run against it
 * through the use cases, then the app started on it, its clock on 7 Oct 2026.
 */
export async function startTabApp(name: string, seed: (context: SeedContext) => Promise<void>): Promise<TabApp> {
  buildTab();
  const bench = await startBenchGraph(name);
  try {
    await seed({ world: bench.world, emulatorDir: path.join(bench.dataDir, 'emulator'), casesList: bench.site.listPaths.cases.split('/').at(-1) as string });
    const app = await startAppProcess({ dataDir: bench.dataDir, emulatorUrl: bench.embedded.info.baseUrl, clockNow: tabClockNow });
    return {
      appUrl: app.url,
      tabUrl: (theme) => `${app.url}/tab/${theme ? `?theme=${theme}` : ''}`,
      world: bench.world,
      resetGraphLog: async () => void (await bench.admin('POST', 'requests/reset')),
      graphRequests: async () => {
        const log = (await bench.admin('GET', 'requests')) as RequestLog;
        return { trips: log.entries.filter((e) => !e.batchRequestId).length, requests: log.entries.filter((e) => e.path !== '/$batch').length };
      },
      stop: async () => {
        await app.stop();
        await bench.stop();
      },
    };
  } catch (error) {
    await bench.stop();
    throw error;
  }
}

/**
 * The e2e's cases: the demo worker (Harriet Lunde) has two (one with the information back, at the
 * observation; one just allocated); another worker has one, which only the manager sees.
 */
export async function seedTabCases({ world }: Pick<SeedContext, 'world'>): Promise<{ observationNext: string; allocated: string; othersCase: string }> {
  const steps = caseSteps(world);
  const school = await world.schoolByUrn('100001');
  // Fictional children, one per case (a second referral of the same child would join the first case).
  const child = (firstName: string, lastName: string) => ({ child: childDetails(school.id, { firstName, lastName }) });
  const first = await steps.refer('100001', child('Tabitha', 'Examplecase'));
  await steps.allocate(first.case.id, 'worker');
  await steps.informationReturned(first.case.id);
  const second = await steps.refer('100001', child('Milo', 'Sampleton'));
  await steps.allocate(second.case.id, 'worker');
  const third = await steps.refer('100001', child('Ottilie', 'Placeholder'));
  await steps.allocate(third.case.id, 'otherWorker');
  return { observationNext: first.case.id, allocated: second.case.id, othersCase: third.case.id };
}
