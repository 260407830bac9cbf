import { GraphError } from '../http/graphError';
import type { EmulatorStore } from '../store/emulatorStore';
import type { DriveItemRecord } from '../store/records';
import { mimeTypeFor } from './driveShapes';

/** What an upload or a new folder does when its name is taken (`@microsoft.graph.conflictBehavior`). */
export const conflictBehaviors = ['fail', 'rename', 'replace'] as const;
export type ConflictBehavior = (typeof conflictBehaviors)[number];

const invalidNameCharacters = /["*:<>?/\\|]/;

/** SharePoint's refusal of a name it cannot hold. */
export const checkName = (name: string): void => {
  if (invalidNameCharacters.test(name) || name.trim() !== name || name === '.' || name === '..' || name.length > 400) {
    throw new GraphError(400, 'invalidRequest', `The name '${name}' is not valid: names cannot contain " * : < > ? / \\ | or start or end with a space.`);
  }
};

export const nameExists = (): GraphError => new GraphError(409, 'nameAlreadyExists', 'The specified item name already exists.');

export const conflictBehaviorOf = (value: string | null | undefined, fallback: ConflictBehavior): ConflictBehavior => {
  if (value === null || value === undefined) return fallback;
  if (!(conflictBehaviors as readonly string[]).includes(value)) throw new GraphError(400, 'invalidRequest', `Unknown conflict behavior '${value}'.`);
  return value as ConflictBehavior;
};

/** A free name for `rename`: `Name 1`, `Name 2`, … before the extension, as OneDrive does. */
export const freeName = (store: EmulatorStore, driveId: string, parentId: string, name: string): string => {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!store.drive.child(driveId, parentId, candidate)) return candidate;
  }
};

/**
 * A file's bytes put into a folder under a name, as the conflict behaviour says when the name is
 * taken (names match without regard to case): `fail` 409, `replace` new content for the same item,
 * `rename` a new item under a free name. Call inside a store transaction.
 */
export const fileInto = (
  store: EmulatorStore,
  driveId: string,
  parent: DriveItemRecord,
  fileName: string,
  content: Buffer,
  behavior: ConflictBehavior,
  now: Date,
): { item: DriveItemRecord; created: boolean } => {
  checkName(fileName);
  if (!parent.isFolder) throw new GraphError(400, 'invalidRequest', 'The parent is not a folder.');
  const existing = store.drive.child(driveId, parent.id, fileName);
  if (existing && behavior === 'fail') throw nameExists();
  if (existing && behavior === 'replace') {
    if (existing.isFolder) throw nameExists();
    return { item: store.drive.replaceContent(driveId, existing.id, content, mimeTypeFor(fileName), now), created: false };
  }
  const name = existing ? freeName(store, driveId, parent.id, fileName) : fileName;
  return { item: store.drive.createFile(driveId, parent.id, name, content, mimeTypeFor(name), now), created: true };
};
