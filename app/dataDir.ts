import { chmodSync, mkdirSync, statSync } from 'node:fs';

/**
 * DATA_DIR holds the embedded Graph's database (children's records), its key and token, and the
 * Playground's logs: for this user only. Created 0700; an existing one open to others is closed
 * (the folder is the app's own), or the start is refused saying why.
 */
export function prepareDataDir(dir: string): { closed: boolean } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o077) === 0) return { closed: false };
  try {
    chmodSync(dir, mode & 0o700);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`DATA_DIR ${dir} is open to other users (mode ${mode.toString(8)}) and could not be closed (${code}): choose a folder of your own.`, { cause: error });
  }
  return { closed: true };
}

/** Files the app and the processes it starts (embedded Graph, Playground) create: 0600, folders 0700. */
export const privateFilesUmask = 0o077;
