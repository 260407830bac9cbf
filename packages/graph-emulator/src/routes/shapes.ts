import type { ColumnRecord, ItemRecord, ListRecord, SiteRecord } from '../store/records';

/** JSON shapes Graph answers with, built from the stored records. */

export const siteWebUrl = (site: SiteRecord): string => `https://${site.hostname}${site.path}`;

export const listWebUrl = (site: SiteRecord, list: ListRecord): string =>
  list.template === 'documentLibrary' ? `${siteWebUrl(site)}/${encodeURI(list.name)}` : `${siteWebUrl(site)}/Lists/${encodeURI(list.name)}`;

const appIdentity = { user: { displayName: 'SharePoint App' } };

export const siteJson = (site: SiteRecord): Record<string, unknown> => ({
  createdDateTime: site.created,
  description: '',
  id: site.id,
  lastModifiedDateTime: site.created,
  name: site.name,
  webUrl: siteWebUrl(site),
  displayName: site.displayName,
  root: {},
  siteCollection: { hostname: site.hostname },
});

export const listJson = (site: SiteRecord, list: ListRecord): Record<string, unknown> => {
  const etag = `"${list.etagGuid},${list.version}"`;
  return {
    '@odata.etag': etag,
    createdDateTime: list.created,
    description: list.description,
    eTag: etag,
    id: list.id,
    lastModifiedDateTime: list.modified,
    name: list.name,
    webUrl: listWebUrl(site, list),
    displayName: list.displayName,
    createdBy: appIdentity,
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
  };
};

export const columnJson = (c: ColumnRecord): Record<string, unknown> => ({
  columnGroup: 'Custom Columns',
  description: c.description,
  displayName: c.displayName,
  enforceUniqueValues: c.enforceUniqueValues,
  hidden: c.hidden,
  id: c.id,
  indexed: c.indexed,
  name: c.name,
  readOnly: c.readOnly,
  required: c.required,
  [c.type]: c.facet,
});

export const itemETag = (item: ItemRecord): string => `"${item.uniqueId},${item.version}"`;

/** The item's `fields` as Graph shows them: stored values (empty ones omitted, as SharePoint does) plus built-ins. */
export const fieldsJson = (item: ItemRecord, select?: string[]): Record<string, unknown> => {
  const title = item.fields.Title ?? undefined;
  const all: Record<string, unknown> = {
    '@odata.etag': itemETag(item),
    id: String(item.id),
    ContentType: 'Item',
    ...Object.fromEntries(Object.entries(item.fields).filter(([, v]) => v !== null)),
    Modified: item.modified,
    Created: item.created,
    AuthorLookupId: '1073741822',
    EditorLookupId: '1073741822',
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    Edit: '',
    ...(title !== undefined ? { LinkTitleNoMenu: title, LinkTitle: title } : {}),
    ItemChildCount: '0',
    FolderChildCount: '0',
    _ComplianceFlags: '',
    _ComplianceTag: '',
    _ComplianceTagWrittenTime: '',
    _ComplianceTagUserId: '',
  };
  if (!select || select.length === 0) return all;
  const wanted = new Set(select);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k === '@odata.etag' || wanted.has(k)));
};

export const itemJson = (site: SiteRecord, list: ListRecord, item: ItemRecord): Record<string, unknown> => ({
  '@odata.etag': itemETag(item),
  createdDateTime: item.created,
  eTag: itemETag(item),
  id: String(item.id),
  lastModifiedDateTime: item.modified,
  webUrl: `${listWebUrl(site, list)}/${item.id}_.000`,
  createdBy: appIdentity,
  lastModifiedBy: appIdentity,
  parentReference: { id: list.id, siteId: site.id },
  contentType: { id: '0x0100', name: 'Item' },
});
