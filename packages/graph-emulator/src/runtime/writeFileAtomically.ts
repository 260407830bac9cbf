import { renameSync, writeFileSync } from 'node:fs';

/** Writes next to the target and renames, so a reader never sees half a file. */
export const writeFileAtomically = (path: string, content: string, mode = 0o600): void => {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content, { mode });
  renameSync(temp, path);
};
