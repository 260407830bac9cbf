import type { Config } from '../config';
import type { AppLogger } from '../logger';
import { startPlayground } from './startPlayground';

/** What the composition root keeps of the local Teams client: its /healthz entry and how to stop it. */
export interface LocalTeamsClient {
  health: { url: string } | { error: string };
  stop(): Promise<void>;
}

/**
 * The Agents Playground for a local run, when the config asks for it (embedded Graph, PLAYGROUND=on).
 * A Playground that fails to start does not stop the app: the bot still answers, and /healthz and
 * the log say what went wrong.
 */
export async function startLocalTeamsClient(config: Config, appUrl: string, logger: AppLogger): Promise<LocalTeamsClient | undefined> {
  if (!config.playground) return undefined;
  try {
    const playground = await startPlayground({ botEndpoint: `${appUrl}/api/messages`, port: config.playground.port, dataDir: config.dataDir, logger });
    logger.info({ url: playground.url }, 'Agents Playground (local Teams client) is up: open it in a browser');
    return { health: { url: playground.url }, stop: () => playground.stop() };
  } catch (err) {
    logger.error({ err }, 'the Agents Playground did not start; the bot still runs (PLAYGROUND=off skips it)');
    return { health: { error: err instanceof Error ? err.message : String(err) }, stop: async () => undefined };
  }
}
