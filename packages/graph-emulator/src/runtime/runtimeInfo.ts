import { z } from 'zod';
import { join } from 'node:path';
import { writeFileAtomically } from './writeFileAtomically';

/** What a running emulator tells its parent (stdout, one JSON line) and leaves in `<dataDir>/emulator.json`. */
export const runtimeInfoSchema = z.object({
  baseUrl: z.url(),
  adminUrl: z.url(),
  caCertPath: z.string().min(1),
  token: z.string().min(32),
  pid: z.number().int().positive(),
});
export type EmulatorRuntimeInfo = z.infer<typeof runtimeInfoSchema>;

export const runtimeInfoPath = (dataDir: string): string => join(dataDir, 'emulator.json');

export const writeRuntimeInfo = (dataDir: string, info: EmulatorRuntimeInfo): void => {
  writeFileAtomically(runtimeInfoPath(dataDir), `${JSON.stringify(info, null, 2)}\n`, 0o600);
};
