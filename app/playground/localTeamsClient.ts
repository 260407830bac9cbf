import path from 'node:path';
import type { Config } from '../config';
import type { AppLogger } from '../logger';
import { startPlayground, type RunningPlayground } from './startPlayground';

/** The second window's user: the demo deputy manager, who approves what Morgan drafts (see deputy.m365agentsplayground.yml). */
const deputyConfigFile = path.join(__dirname, 'deputy.m365agentsplayground.yml');

/** What the composition root keeps of the local Teams client: its /healthz entry and how to stop it. */
export interface LocalTeamsClient {
  /** `url`: the manager's window (Morgan Ashby); `workerUrl`: the second window's (Rhiannon Whitlock, deputy manager). */
  health: { url: string; workerUrl?: string; workerError?: string } | { error: string };
  stop(): Promise<void>;
}

/**
 * The Agents Playground for a local run, when the config asks for it (embedded Graph, PLAYGROUND=on):
 * one window as the manager-and-worker, a second as the deputy manager, so that what passes between
 * people can be tried: a contract is never approved by its author (Separation of duties), so the
 * contract drafted in the first window is approved in the second. A Playground that fails to start does not stop the app:
 * the bot still answers, and /healthz and the log say what went wrong.
 */
export async function startLocalTeamsClient(config: Config, appUrl: string, logger: AppLogger): Promise<LocalTeamsClient | undefined> {
  if (!config.playground) return undefined;
  const botEndpoint = `${appUrl}/api/messages`;
  let manager: RunningPlayground;
  try {
    manager = await startPlayground({ botEndpoint, port: config.playground.port, dataDir: config.dataDir, logger });
  } catch (err) {
    logger.error({ err }, 'the Agents Playground did not start; the bot still runs (PLAYGROUND=off skips it)');
    return { health: { error: err instanceof Error ? err.message : String(err) }, stop: async () => undefined };
  }
  logger.info({ url: manager.url, user: 'Morgan Ashby (manager and worker)' }, 'Agents Playground (local Teams client) is up: open it in a browser');
  try {
    const deputy = await startPlayground({ botEndpoint, port: config.playground.workerPort, dataDir: config.dataDir, logger, configFile: deputyConfigFile, name: 'deputy' });
    logger.info({ url: deputy.url, user: 'Rhiannon Whitlock (deputy manager)' }, 'second Agents Playground is up, as the deputy manager');
    return { health: { url: manager.url, workerUrl: deputy.url }, stop: async () => void (await Promise.all([manager.stop(), deputy.stop()])) };
  } catch (err) {
    logger.error({ err }, 'the second Agents Playground (the deputy manager) did not start; the first still runs');
    return { health: { url: manager.url, workerError: err instanceof Error ? err.message : String(err) }, stop: () => manager.stop() };
  }
}
