import type { DriveItemRecord, ListRecord, SiteRecord } from '../store/records';
import { emulatorApplication } from '../store/emulatorStore';
import { listWebUrl } from './shapes';

/** What SharePoint shows for an app-only write: the application, and its placeholder user (who has no id). */
const appIdentity = { application: { id: emulatorApplication.id, displayName: emulatorApplication.displayName }, user: { displayName: 'SharePoint App' } };

export const driveJson = (site: SiteRecord, list: ListRecord): Record<string, unknown> => ({
  createdDateTime: list.created,
  description: list.description,
  id: list.driveId,
  lastModifiedDateTime: list.modified,
  name: list.displayName,
  webUrl: listWebUrl(site, list),
  driveType: 'documentLibrary',
  createdBy: appIdentity,
  owner: { group: { displayName: site.displayName } },
  quota: { deleted: 0, remaining: 27487790694400, state: 'normal', total: 27487790694400, used: 0 },
});

const tag = (item: DriveItemRecord): string => `{${item.etagGuid.toUpperCase()}},${item.version}`;

/** A driveItem as Graph shows it; `path` is the names from the root down to the item. */
export const driveItemJson = (
  site: SiteRecord,
  list: ListRecord,
  item: DriveItemRecord,
  path: string[],
  childCount: number,
  filesWebBase?: string,
): Record<string, unknown> => {
  const driveId = list.driveId as string;
  const base = listWebUrl(site, list);
  const parentPath = path.slice(0, -1).map(encodeURIComponent).join('/');
  const common = {
    createdDateTime: item.created,
    eTag: `"${tag(item)}"`,
    id: item.id,
    lastModifiedDateTime: item.modified,
    name: item.name,
    webUrl: filesWebBase
      ? `${filesWebBase}/${encodeURIComponent(driveId)}/${encodeURIComponent(item.id)}`
      : item.parentId === null ? base : `${base}/${path.map(encodeURIComponent).join('/')}`,
    cTag: `"c:${tag(item)}"`,
    size: item.size,
    createdBy: appIdentity,
    lastModifiedBy: appIdentity,
    fileSystemInfo: { createdDateTime: item.created, lastModifiedDateTime: item.modified },
  };
  if (item.parentId === null) {
    return { ...common, parentReference: { driveType: 'documentLibrary', driveId }, folder: { childCount }, root: {} };
  }
  return {
    ...common,
    parentReference: {
      driveType: 'documentLibrary',
      driveId,
      id: item.parentId,
      name: path.length > 1 ? path[path.length - 2] : list.displayName,
      path: `/drives/${driveId}/root:${parentPath ? `/${parentPath}` : ''}`,
      siteId: site.id,
    },
    ...(item.isFolder ? { folder: { childCount } } : { file: { mimeType: item.mimeType ?? 'application/octet-stream', hashes: {} } }),
  };
};

const mimeTypes: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  eml: 'message/rfc822',
  zip: 'application/x-zip-compressed',
};

/** SharePoint derives a file's MIME type from its extension, not from the upload's Content-Type. */
export const mimeTypeFor = (name: string): string => mimeTypes[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
