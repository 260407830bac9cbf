import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { FolderItem } from '../../workflow';

/** What a folder's listing asks for of each child: always `$select`. */
export const listingSelect = 'id,name,size,folder,file,lastModifiedBy,lastModifiedDateTime,webUrl,parentReference';
/** Children a page (SharePoint gives at most 200 a page for drive items without `$top`, and so do we). */
const PAGE_SIZE = 200;

const Identity = z
  .object({
    user: z.object({ id: z.string().optional(), displayName: z.string().optional() }).loose().optional(),
    application: z.object({ displayName: z.string().optional() }).loose().optional(),
  })
  .loose();

export const ListedItem = z.object({
  id: z.string(),
  name: z.string(),
  webUrl: z.string(),
  size: z.number().optional(),
  folder: z.object({}).loose().optional(),
  file: z.object({}).loose().optional(),
  lastModifiedBy: Identity.optional(),
  lastModifiedDateTime: z.string().optional(),
  parentReference: z.object({ id: z.string().optional(), path: z.string().optional() }).loose().optional(),
});
export type ListedItem = z.infer<typeof ListedItem>;
const Page = z.object({ value: z.array(ListedItem), '@odata.nextLink': z.string().optional() });

/**
 * Who changed it, by name: a person (a user Graph identifies by id); for an app-only write, the
 * application (SharePoint shows such a write as its placeholder user "SharePoint App", who has no id).
 */
function modifiedBy(identity: z.infer<typeof Identity> | undefined): string | undefined {
  if (identity?.user?.id && identity.user.displayName) return identity.user.displayName;
  return identity?.application?.displayName ?? identity?.user?.displayName;
}

export const toFolderItem = (item: ListedItem): FolderItem => {
  const by = modifiedBy(item.lastModifiedBy);
  return {
    id: item.id,
    name: item.name,
    kind: item.folder ? 'folder' : 'file',
    ...(item.folder || item.size === undefined ? {} : { size: item.size }),
    ...(by ? { modifiedBy: by } : {}),
    ...(item.lastModifiedDateTime ? { modifiedAt: item.lastModifiedDateTime } : {}),
    webUrl: item.webUrl,
  };
};

/** Every child of the folder at `itemPath` (`/drives/{d}/items/{id}` or `/drives/{d}/root:/{path}:`), page after page. */
export async function listChildren(client: Client, itemPath: string): Promise<ListedItem[]> {
  const items: ListedItem[] = [];
  let page = Page.parse(await client.api(`${itemPath}/children`).select(listingSelect).top(PAGE_SIZE).get());
  for (;;) {
    items.push(...page.value);
    const next = page['@odata.nextLink'];
    if (!next) return items;
    page = Page.parse(await client.api(next).get());
  }
}

/** The names after `root:` in a parentReference path (`/drives/{d}/root:/Child%20A/OC-26-X`), decoded; undefined when it has none. */
export function pathNames(path: string | undefined): string[] | undefined {
  const at = path?.indexOf('root:') ?? -1;
  if (path === undefined || at < 0) return undefined;
  try {
    return path.slice(at + 'root:'.length).split('/').filter((s) => s.length > 0).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}
