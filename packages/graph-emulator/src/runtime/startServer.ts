import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { GraphMetadataChecker } from '../csdl/types';
import { SettableClock } from '../controls/clock';
import { DriveLinks } from '../controls/driveLinks';
import { FaultInjector } from '../controls/faults';
import { createEmulatorApp } from '../emulatorApp';
import type { EmulatorLogger } from '../http/logger';
import { EmulatorStore } from '../store/emulatorStore';
import { ensureCertificate } from './certificate';
import { writeRuntimeInfo, type EmulatorRuntimeInfo } from './runtimeInfo';
import { ensureToken } from './token';

export interface RunningEmulator {
  info: EmulatorRuntimeInfo;
  stop(): Promise<void>;
}

/**
 * Starts the emulator over HTTPS on 127.0.0.1 with its data folder: certificate and token made once and
 * reused, `graph.sqlite`, and `emulator.json` written (atomically) once the port is known.
 */
export const startEmulatorServer = async (options: {
  dataDir: string;
  port: number;
  checker: GraphMetadataChecker;
  logger: EmulatorLogger;
  pid: number;
  /** Drive items' webUrl: `{filesWebBase}/{driveId}/{itemId}` (the app's file viewer); absent: SharePoint-looking addresses. */
  filesWebBase?: string;
}): Promise<RunningEmulator> => {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const clock = new SettableClock();
  const certificate = await ensureCertificate(options.dataDir, clock.now());
  const token = ensureToken(options.dataDir);
  const databasePath = join(options.dataDir, 'graph.sqlite');
  const store = EmulatorStore.open(databasePath, clock.now());
  ownerOnly(databasePath, `${databasePath}-wal`, `${databasePath}-shm`);
  const app = createEmulatorApp({ store, checker: options.checker, clock, faults: new FaultInjector(), log: options.logger, token, links: new DriveLinks(options.filesWebBase) });
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const info: EmulatorRuntimeInfo = {
    baseUrl: `https://127.0.0.1:${port}/v1.0`,
    adminUrl: `https://127.0.0.1:${port}/_emulator`,
    caCertPath: certificate.certPath,
    token,
    pid: options.pid,
  };
  writeRuntimeInfo(options.dataDir, info);
  return {
    info,
    stop: () => new Promise<void>((resolve) => {
      server.close(() => {
        store.close();
        resolve();
      });
      server.closeAllConnections();
    }),
  };
};

/** The data folder holds case data: readable by the account that runs the app only (SQLite keeps the mode for its -wal and -shm files). */
const ownerOnly = (...paths: string[]): void => {
  for (const path of paths) if (existsSync(path)) chmodSync(path, 0o600);
};
