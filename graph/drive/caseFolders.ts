import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { CaseFolders, FileRef, FolderRef } from '../../workflow';
import { graphStatus } from '../sharepoint/graphErrors';

const DriveItem = z.object({ id: z.string(), name: z.string(), webUrl: z.string() });
const Children = z.object({ value: z.array(DriveItem), '@odata.nextLink': z.string().optional() });

/** The "Case Files" library: a folder per child, a subfolder per case. */
export class DriveCaseFolders implements CaseFolders {
  constructor(
    private readonly client: Client,
    private readonly driveId: string,
  ) {}

  private get drivePath(): string {
    return `/drives/${encodeURIComponent(this.driveId)}`;
  }

  async ensureCaseFolder(childFolderName: string, caseReference: string): Promise<FolderRef> {
    const child = await this.ensureFolder(`${this.drivePath}/root`, childFolderName, childFolderName);
    return this.ensureFolder(`${this.drivePath}/items/${encodeURIComponent(child.id)}`, caseReference, `${childFolderName}/${caseReference}`);
  }

  async upload(folder: FolderRef, fileName: string, content: Uint8Array, contentType: string): Promise<FileRef> {
    const uploaded = await this.client
      .api(`${this.drivePath}/items/${encodeURIComponent(folder.id)}:/${encodeURIComponent(fileName)}:/content`)
      .header('Content-Type', contentType)
      .put(Buffer.from(content));
    return DriveItem.parse(uploaded);
  }

  async list(folder: FolderRef): Promise<FileRef[]> {
    const files: FileRef[] = [];
    let page = Children.parse(await this.client.api(`${this.drivePath}/items/${encodeURIComponent(folder.id)}/children`).select('id,name,webUrl').get());
    for (;;) {
      files.push(...page.value);
      if (!page['@odata.nextLink']) return files;
      page = Children.parse(await this.client.api(page['@odata.nextLink']).get());
    }
  }

  /** Finds the folder by path, or makes it; two callers at once both end with the same folder. */
  private async ensureFolder(parent: string, name: string, path: string): Promise<FolderRef> {
    const existing = await this.byPath(path);
    if (existing) return existing;
    try {
      return DriveItem.parse(
        await this.client.api(`${parent}/children`).post({ name, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' }),
      );
    } catch (error) {
      if (graphStatus(error) !== 409) throw error;
      const made = await this.byPath(path);
      if (!made) throw error;
      return made;
    }
  }

  private async byPath(path: string): Promise<FolderRef | undefined> {
    try {
      const encoded = path.split('/').map(encodeURIComponent).join('/');
      return DriveItem.parse(await this.client.api(`${this.drivePath}/root:/${encoded}:`).select('id,name,webUrl').get());
    } catch (error) {
      if (graphStatus(error) === 404) return undefined;
      throw error;
    }
  }
}
