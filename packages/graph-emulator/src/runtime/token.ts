import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { writeFileAtomically } from './writeFileAtomically';

/** One random bearer token per data folder, made on first start and reused. */
export const ensureToken = (dataDir: string): string => {
  const path = join(dataDir, 'emulator-token');
  if (existsSync(path)) {
    const token = readFileSync(path, 'utf8').trim();
    if (token.length >= 32) return token;
  }
  const token = randomBytes(32).toString('base64url');
  writeFileAtomically(path, token, 0o600);
  return token;
};
