import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { fileBytes, type FileBytes } from '../client/fileContent';
import { graphStatus } from '../sharepoint/graphErrors';

const Item = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().optional(),
  webUrl: z.string().optional(),
  file: z.object({ mimeType: z.string().optional() }).optional(),
  folder: z.object({}).loose().optional(),
});
const Children = z.object({ value: z.array(Item), '@odata.nextLink': z.string().optional() });

export interface DriveFile {
  id: string;
  name: string;
  size: number;
  /** Absent for a folder. */
  mimeType?: string;
  isFolder: boolean;
}

/** Most children listed for a folder (a case folder holds a handful). */
const MAX_CHILDREN = 1000;

const toFile = (item: z.infer<typeof Item>): DriveFile => ({
  id: item.id,
  name: item.name,
  size: item.size ?? 0,
  isFolder: item.folder !== undefined,
  ...(item.file ? { mimeType: item.file.mimeType ?? 'application/octet-stream' } : {}),
});

/** Any drive item by drive and id: what it is, its bytes, a folder's children (the local file viewer). */
export class DriveFiles {
  constructor(private readonly client: Client) {}

  private itemPath(driveId: string, itemId: string): string {
    return `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(itemId)}`;
  }

  /** The item, or undefined when the drive or the item does not exist (or the ids are not ones Graph takes). */
  async item(driveId: string, itemId: string): Promise<DriveFile | undefined> {
    try {
      return toFile(Item.parse(await this.client.api(this.itemPath(driveId, itemId)).select('id,name,size,file,folder').get()));
    } catch (error) {
      const status = graphStatus(error);
      if (status === 404 || status === 400) return undefined;
      throw error;
    }
  }

  async children(driveId: string, folderId: string): Promise<DriveFile[]> {
    const files: DriveFile[] = [];
    let page = Children.parse(await this.client.api(`${this.itemPath(driveId, folderId)}/children`).select('id,name,size,file,folder').get());
    for (;;) {
      files.push(...page.value.map(toFile));
      const next = page['@odata.nextLink'];
      if (!next || files.length >= MAX_CHILDREN) return files;
      page = Children.parse(await this.client.api(next).get());
    }
  }

  async content(driveId: string, itemId: string): Promise<FileBytes> {
    return fileBytes(this.client, `${this.itemPath(driveId, itemId)}/content`);
  }
}
