import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { readDiary, seedEvents, type Diary, type SeedEvent } from './calendarControls';
import { readClock, setClock, type EmulatorTime } from './clockControls';
import { adminRequest, registerUsers, type EmulatorUser } from './registerUsers';

export type { EmulatorUser, Diary, SeedEvent, EmulatorTime };
import { runtimeInfoSchema, runtimeInfoPath, type EmulatorRuntimeInfo } from '../runtime/runtimeInfo';

/** The emulator's program (src/main.ts), run with tsx like the app; tsx is found from the package's folder up. */
const packageRoot = path.resolve(__dirname, '..', '..');
const program = path.join(packageRoot, 'src', 'main.ts');
const START_TIMEOUT_MS = 60_000;

export interface EmbeddedGraph {
  info: EmulatorRuntimeInfo;
  caCertificate: string;
  /** Adds or updates these users (one admin request). */
  registerUsers(users: readonly EmulatorUser[]): Promise<void>;
  /** Makes these events once for `marker` (idempotent across restarts); how many were made. */
  seedEvents(marker: string, events: readonly SeedEvent[]): Promise<number>;
  /** A mailbox's events as stored, cancelled ones too (local runs' diary page); undefined for an unknown user. */
  diary(user: string, from: Date, to: Date): Promise<Diary | undefined>;
  /** The emulator's time (local runs: the app follows it, so that several instances agree). */
  clock(): Promise<EmulatorTime>;
  /** Sets the emulator's time, which runs on from there. */
  setClock(now: Date): Promise<EmulatorTime>;
  /**
   * Where drive items' webUrl points from now on: `${filesWebBase}/${driveId}/${itemId}` (a local
   * run's file viewer), or SharePoint-looking addresses again with undefined.
   */
  setFilesWebBase(filesWebBase: string | undefined): Promise<void>;
  stop(): Promise<void>;
}

export interface EmulatorProcessOptions {
  /** Drive items' webUrl from the start: see EmbeddedGraph.setFilesWebBase. */
  filesWebBase?: string;
}

/**
 * Starts the embedded Graph in its own process (better-sqlite3 is synchronous: in the app's
 * process it would stall every request) and waits for the one JSON line it prints when ready.
 */
export async function startEmulatorProcess(dataDir: string, options: EmulatorProcessOptions = {}): Promise<EmbeddedGraph> {
  const filesWeb = options.filesWebBase ? ['--files-web-base', options.filesWebBase] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', program, '--data-dir', path.resolve(dataDir), '--port', '0', ...filesWeb], {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = await firstLine(child);
  return embeddedGraph(info, () => stopChild(child));
}

/** An embedded Graph someone else started (GRAPH_EMULATOR_URL): its token and certificate are in its data folder. */
export function attachToEmulator(dataDir: string, url: string): EmbeddedGraph {
  const file = runtimeInfoPath(dataDir);
  if (!existsSync(file)) throw new Error(`GRAPH_EMULATOR_URL is set but ${file} does not exist: start the emulator with --data-dir ${dataDir}.`);
  const info = runtimeInfoSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  if (new URL(info.baseUrl).origin !== new URL(url).origin) {
    throw new Error(`GRAPH_EMULATOR_URL (${url}) is not the emulator recorded in ${file} (${info.baseUrl}).`);
  }
  return embeddedGraph(info, async () => undefined);
}

function embeddedGraph(info: EmulatorRuntimeInfo, stop: () => Promise<void>): EmbeddedGraph {
  const caCertificate = readFileSync(info.caCertPath, 'utf8');
  return {
    info,
    caCertificate,
    registerUsers: (users) => registerUsers(info, caCertificate, users),
    seedEvents: (marker, events) => seedEvents(info, caCertificate, marker, events),
    diary: (user, from, to) => readDiary(info, caCertificate, user, from, to),
    clock: () => readClock(info, caCertificate),
    setClock: (now) => setClock(info, caCertificate, now),
    setFilesWebBase: async (filesWebBase) => {
      const answer = await adminRequest(info, caCertificate, 'PUT', 'files-web', { filesWebBase: filesWebBase ?? null });
      if (answer.status !== 200) throw new Error(`The embedded Graph did not take the files web address (${answer.status}): ${JSON.stringify(answer.body)}`);
    },
    stop,
  };
}

function firstLine(child: ChildProcess): Promise<EmulatorRuntimeInfo> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The embedded Graph did not start within 60 s')), START_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(runtimeInfoSchema.parse(JSON.parse(line)));
      } catch (error) {
        reject(new Error(`The embedded Graph printed something unexpected at start: ${String(error)}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The embedded Graph exited with code ${code} before it was ready`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}
