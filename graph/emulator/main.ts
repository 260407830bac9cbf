/**
 * The emulator as its own program: `tsx graph/emulator/main.ts [--data-dir DIR] [--port N]`
 * (or EMULATOR_DATA_DIR / EMULATOR_PORT). Serves HTTPS on 127.0.0.1, writes `<dataDir>/emulator.json` and
 * prints the same as one JSON line on stdout; logs go to stderr.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';
import { createEmulatorApp } from './emulatorApp';
import { createMetadataChecker } from './checkerFactory';
import { SettableClock } from './controls/clock';
import { FaultInjector } from './controls/faults';
import { ensureCertificate } from './runtime/certificate';
import { writeRuntimeInfo, type EmulatorRuntimeInfo } from './runtime/runtimeInfo';
import { ensureToken } from './runtime/token';
import { EmulatorStore } from './store/emulatorStore';

const repoRoot = resolve(__dirname, '..', '..');

const optionsSchema = z.object({
  dataDir: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
});

const readOptions = (): z.infer<typeof optionsSchema> => {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' } },
    allowPositionals: false,
  });
  return optionsSchema.parse({
    dataDir: resolve(values['data-dir'] ?? process.env.EMULATOR_DATA_DIR ?? join(repoRoot, '.data', 'emulator')),
    port: values.port ?? process.env.EMULATOR_PORT ?? 0,
  });
};

const start = async (): Promise<void> => {
  const logger = pino({ name: 'graph-emulator' }, pino.destination(2));
  const options = readOptions();
  mkdirSync(options.dataDir, { recursive: true });
  const clock = new SettableClock();
  const certificate = await ensureCertificate(options.dataDir, clock.now());
  const token = ensureToken(options.dataDir);
  const store = EmulatorStore.open(join(options.dataDir, 'graph.sqlite'), clock.now());
  const checker = createMetadataChecker(repoRoot);
  const app = createEmulatorApp({ store, checker, clock, faults: new FaultInjector(), log: logger, token });
  const server = createServer({ key: certificate.key, cert: certificate.cert }, app);
  server.listen(options.port, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    const info: EmulatorRuntimeInfo = {
      baseUrl: `https://127.0.0.1:${port}/v1.0`,
      adminUrl: `https://127.0.0.1:${port}/_emulator`,
      caCertPath: certificate.certPath,
      token,
      pid: process.pid,
    };
    writeRuntimeInfo(options.dataDir, info);
    process.stdout.write(`${JSON.stringify(info)}\n`);
    logger.info({ baseUrl: info.baseUrl, dataDir: options.dataDir }, 'Graph emulator listening');
  });
  const stop = (): void => {
    server.close(() => {
      store.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
};

start().catch((e: unknown) => {
  process.stderr.write(`Graph emulator failed to start: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
