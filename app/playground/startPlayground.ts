import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { AppLogger } from '../logger';
import { listeningPort, playgroundCommand } from './playgroundCommand';

const repoRoot = path.resolve(__dirname, '..', '..');
const START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;

export interface PlaygroundOptions {
  botEndpoint: string;
  port: number;
  /** Local state folder (DATA_DIR); the Playground's log goes in a subfolder. */
  dataDir: string;
  logger: AppLogger;
  /** Who the Playground says you are; default `.m365agentsplayground.yml` at the repository root. */
  configFile?: string;
  /** Its own log folder under DATA_DIR/playground (two Playgrounds must not share one). */
  name?: string;
}

export interface RunningPlayground {
  /** The page to open: the Playground's web UI. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the Microsoft 365 Agents Playground (a local Teams-like chat client) against the bot, as a
 * child process, and resolves with its page once it listens. Its current user comes from its
 * config file (`.m365agentsplayground.yml` at the repository root unless another is given).
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const logDir = path.resolve(options.dataDir, 'playground', ...(options.name ? [options.name] : []));
  mkdirSync(logDir, { recursive: true });
  const command = playgroundCommand(
    { botEndpoint: options.botEndpoint, port: options.port, configFile: options.configFile ?? path.join(repoRoot, '.m365agentsplayground.yml'), logDir },
    process.env,
  );
  const child = spawn(process.execPath, command.args, { cwd: repoRoot, env: command.env, stdio: ['ignore', 'pipe', 'pipe'] });
  forwardStderr(child, options.logger);
  try {
    const port = await waitUntilListening(child);
    child.once('exit', (code, signal) => options.logger.warn({ code, signal }, 'the Agents Playground stopped'));
    return { url: `http://localhost:${port}`, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

function waitUntilListening(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const timer = setTimeout(() => reject(new Error(`The Agents Playground did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`The Agents Playground exited with code ${code} before it was ready`));
    };
    // Keep reading after start-up: a full stdout pipe would stall the child.
    lines.on('line', (line) => {
      const port = listeningPort(line);
      if (port === undefined) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(port);
    });
    child.once('exit', onExit);
  });
}

function forwardStderr(child: ChildProcess, logger: AppLogger): void {
  const lines = createInterface({ input: child.stderr as NodeJS.ReadableStream });
  lines.on('line', (line) => logger.warn({ playground: line }, 'Agents Playground stderr'));
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS).unref();
  });
}
