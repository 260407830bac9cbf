import type { Server } from 'node:http';
import type { AppLogger } from './logger';

/** One thing to stop on shutdown, in order: the HTTP server first, later the scheduler and the embedded Graph. */
export interface ShutdownStep {
  name: string;
  run: () => Promise<void>;
}

/** The part of `process` shutdown needs, so tests can raise signals without killing jest. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface ShutdownDeps {
  signals: SignalSource;
  logger: AppLogger;
  steps: readonly ShutdownStep[];
  exit: (code: number) => void;
}

export const shutdownSignals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/** Stops accepting connections, drops idle keep-alive ones, resolves when in-flight requests are done. */
export const closeServer = (server: Server): ShutdownStep => ({
  name: 'http server',
  run: () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeIdleConnections();
    }),
});

/**
 * First SIGTERM/SIGINT: run the steps in order, then exit 0 (1 if a step failed).
 * A second signal while that is under way exits at once with 1.
 */
export const installShutdown = (deps: ShutdownDeps): void => {
  let shuttingDown = false;

  const runSteps = async (): Promise<number> => {
    let code = 0;
    for (const step of deps.steps) {
      try {
        await step.run();
      } catch (err) {
        code = 1;
        deps.logger.error({ err, step: step.name }, 'shutdown step failed');
      }
    }
    return code;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      deps.logger.warn({ signal }, 'second signal: forcing exit');
      deps.exit(1);
      return;
    }
    shuttingDown = true;
    deps.logger.info({ signal }, 'shutting down');
    void runSteps().then((code) => {
      deps.logger.info({ code }, 'stopped');
      deps.exit(code);
    });
  };

  for (const signal of shutdownSignals) deps.signals.on(signal, onSignal);
};
