import { GraphError } from './graphError';
import type { EmulatorStore } from '../store/emulatorStore';

/**
 * Rewrites the address forms Graph accepts into the canonical one the routes match:
 * `sites/{host}:/{path}[:/rest]` → `sites/{site-id}/rest`, and `sites/{id}/lists/{list}/drive/…` or
 * `sites/{id}/drive/…` → `drives/{drive-id}/…`.
 */
export const normalizePath = (path: string, store: EmulatorStore): string => {
  let p = path;
  const byPath = /^\/sites\/([^/:]+):(\/[^:]*?)(?::(\/.*)?)?$/.exec(p);
  if (byPath) {
    const site = store.sites.byPath(byPath[1] as string, byPath[2] as string);
    if (!site) throw new GraphError(404, 'itemNotFound', 'Requested site could not be found');
    p = `/sites/${site.id}${byPath[3] ?? ''}`;
  }
  const listDrive = /^\/sites\/([^/]+)\/lists\/([^/]+)\/drive(\/.+)$/.exec(p);
  if (listDrive) {
    const list = store.lists.byRef(listDrive[1] as string, listDrive[2] as string);
    if (list?.driveId) p = `/drives/${list.driveId}${listDrive[3]}`;
  }
  const siteDrive = /^\/sites\/([^/]+)\/drive(\/.+)$/.exec(p);
  if (siteDrive) {
    const documents = store.lists.byRef(siteDrive[1] as string, 'Shared Documents');
    if (documents?.driveId) p = `/drives/${documents.driveId}${siteDrive[2]}`;
  }
  return p;
};
