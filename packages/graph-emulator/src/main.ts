/**
 * The emulator as its own program: `tsx packages/graph-emulator/src/main.ts [--data-dir DIR] [--port N] [--files-web-base URL]`
 * (or EMULATOR_DATA_DIR / EMULATOR_PORT; port 0 = any free port). Serves HTTPS on 127.0.0.1, writes
 * `<dataDir>/emulator.json` and prints the same as one JSON line on stdout; logs go to stderr.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';
import { createMetadataChecker } from './checkerFactory';
import { startEmulatorServer } from './runtime/startServer';

const optionsSchema = z.object({
  dataDir: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  filesWebBase: z.url({ protocol: /^https?$/ }).optional(),
});

const readOptions = (): z.infer<typeof optionsSchema> => {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'files-web-base': { type: 'string' } }, allowPositionals: false });
  return optionsSchema.parse({
    dataDir: resolve(values['data-dir'] ?? process.env.EMULATOR_DATA_DIR ?? join('.data', 'emulator')),
    port: values.port ?? process.env.EMULATOR_PORT ?? 0,
    filesWebBase: values['files-web-base'],
  });
};

const main = async (): Promise<void> => {
  const logger = pino({ name: 'graph-emulator' }, pino.destination(2));
  const options = readOptions();
  const { filesWebBase, ...rest } = options;
  const running = await startEmulatorServer({ ...rest, ...(filesWebBase ? { filesWebBase } : {}), checker: createMetadataChecker(), logger, pid: process.pid });
  process.stdout.write(`${JSON.stringify(running.info)}\n`);
  logger.info({ baseUrl: running.info.baseUrl, dataDir: options.dataDir }, 'Graph emulator listening');
  const stop = (): void => {
    void running.stop().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
};

main().catch((e: unknown) => {
  process.stderr.write(`Graph emulator failed to start: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
