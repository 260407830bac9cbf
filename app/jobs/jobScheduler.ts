import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Cron } from 'croner';
import { jobHandlers, runDueJobs, type JobHandlers, type TickReport, type WorkflowDeps } from '../../workflow';
import type { AppLogger } from '../logger';

export interface JobScheduler {
  /** This instance's name on the jobs it claims. */
  owner: string;
  /** Runs one tick now (tests, the clock page); resolves when it has finished, with what it did (undefined when it failed). */
  tick(): Promise<TickReport | undefined>;
  /** Waits for a tick under way (it read the time before), then runs one on the time now: the clock page, after a move. */
  tickNow(): Promise<TickReport | undefined>;
  /** Stops ticking and waits for a tick under way to finish. */
  stop(): Promise<void>;
}

/**
 * Runs the jobs due once a minute (croner; a tick still running when the next is due is skipped,
 * never run twice at once). Each tick reads the time from the workflow's Clock, so a clock moved
 * forward in a local run brings jobs due at once. Several instances may tick: a job goes to the one
 * whose claim lands first.
 */
export function startJobScheduler(
  deps: WorkflowDeps,
  logger: AppLogger,
  // beforeTick: e.g. a local run's instance following the embedded Graph's clock (app/embeddedTime.ts).
  options: { pattern?: string; handlers?: JobHandlers; beforeTick?: () => Promise<void> } = {},
): JobScheduler {
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  let current: Promise<TickReport | undefined> | undefined;
  const before = async (): Promise<void> => {
    try {
      await options.beforeTick?.();
    } catch (error) {
      logger.warn({ err: { name: (error as Error).name } }, 'before the jobs tick: the embedded Graph\'s clock could not be read; the jobs run on this instance\'s time');
    }
  };
  const tick = (): Promise<TickReport | undefined> => {
    current ??= before()
      .then(() => runDueJobs(deps, deps.jobs, options.handlers ?? jobHandlers, owner))
      .then((report) => {
        if (report.due > 0) logger.info({ jobs: report }, 'jobs run');
        if (report.failed > 0) logger.warn({ jobs: { failed: report.failed } }, 'jobs failed after their last attempt: they are kept in the Jobs list');
        return report;
      })
      .catch((error: unknown) => {
        logger.error({ err: { name: (error as Error).name } }, 'the jobs could not be read or claimed; the next tick tries again');
        return undefined;
      })
      .finally(() => {
        current = undefined;
      });
    return current;
  };
  const cron = new Cron(options.pattern ?? '* * * * *', { protect: true, timezone: 'Europe/London' }, async () => {
    await tick();
  });
  return {
    owner,
    tick,
    async tickNow() {
      await current;
      return tick();
    },
    async stop() {
      cron.stop();
      await current;
    },
  };
}
