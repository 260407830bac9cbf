import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { NotAttempted, type CaseFolders, type ChildFolder, type FiledFile, type FileRef, type FolderItem, type FolderRef, type NamedFolder } from '../../workflow';
import { NotBatched } from '../client/batchingHandler';
import { fileBytes } from '../client/fileContent';
import { batchedWrites, currentWriteOrder } from '../client/writeOrder';
import { graphStatus } from '../sharepoint/graphErrors';
import { listChildren, ListedItem, pathNames, toFolderItem } from './folderListing';
import { SIMPLE_UPLOAD_MAX_BYTES, uploadInSession } from './uploadSession';

const DriveItem = z.object({ id: z.string(), name: z.string(), webUrl: z.string() });
/** A driveItem as a create or an upload answers it: the documented examples (driveitem-post-children, driveitem-put-content, an upload session's last fragment) show no webUrl. */
const MadeItem = DriveItem.extend({ webUrl: z.string().optional() });
const Children = z.object({ value: z.array(DriveItem), '@odata.nextLink': z.string().optional() });
/** How deep below a child's folder a folder id is followed up to it (a case folder and a few folders made in it by hand). */
const MAX_FOLDER_DEPTH = 12;

/** The "Case Files" library: a folder per child, a subfolder per case. */
export class DriveCaseFolders implements CaseFolders {
  constructor(
    private readonly client: Client,
    private readonly driveId: string,
  ) {}

  private get drivePath(): string {
    return `/drives/${encodeURIComponent(this.driveId)}`;
  }

  /**
   * One round trip when both folders are new (a new child's referral) or both exist (filing a
   * document): the case folder is looked up, and both folders are asked for, in one $batch, the
   * case's after its child's. A child folder that exists already (a second case for the child)
   * answers 409, so the case folder is made in a second request.
   */
  async ensureCaseFolder(childFolderName: string, caseReference: string): Promise<FolderRef> {
    const path = `${childFolderName}/${caseReference}`;
    // Inside a unit of work's write, the folders join its $batch after the writes it waits for.
    const outer = currentWriteOrder();
    const unit = outer?.unit ?? `folders:${path}`;
    const name = outer ? `${outer.name}:` : '';
    const after = outer?.after ?? [];
    const [found, child, made] = await Promise.allSettled([
      this.byPath(path),
      batchedWrites.carry({ unit, name: `${name}child-folder`, after }, () => this.makeFolder(`${this.drivePath}/root`, childFolderName)),
      batchedWrites.carry({ unit, name: `${name}case-folder`, after: [...after, `${name}child-folder`] }, () =>
        this.makeFolder(`${this.drivePath}/root:/${encodedPath(childFolderName)}:`, caseReference),
      ),
    ]);
    if (made.status === 'fulfilled' && made.value) return made.value;
    if (found.status === 'fulfilled' && found.value) return found.value;
    // Not attempted because a write it waits for failed: the unit of work makes it again once that write lands.
    if (child.status === 'rejected') throw graphStatus(child.reason) === 424 ? new NotAttempted('Case Files') : child.reason;
    if (made.status === 'rejected' && graphStatus(made.reason) !== 424) throw made.reason;
    // The child's folder was there already (409), so the case's was not attempted (424): made now, or found if someone made it meanwhile.
    return (await this.makeFolder(`${this.drivePath}/root:/${encodedPath(childFolderName)}:`, caseReference)) ?? this.mustExist(path);
  }

  async upload(folder: FolderRef, fileName: string, content: Uint8Array, contentType: string): Promise<FileRef> {
    if (content.byteLength > SIMPLE_UPLOAD_MAX_BYTES) return this.withWebUrl(await uploadInSession(this.client, this.itemPath(folder.id), fileName, content, 'replace'));
    const uploaded = await this.client
      .api(`${this.drivePath}/items/${encodeURIComponent(folder.id)}:/${encodeURIComponent(fileName)}:/content`)
      .header('Content-Type', contentType)
      .put(Buffer.from(content));
    return this.withWebUrl(uploaded);
  }

  /**
   * Files a document once: `conflictBehavior=fail` makes the upload refuse a name the folder holds
   * (409), and the file already there is returned as it is, found by its path.
   */
  async uploadOnce(folder: FolderRef, fileName: string, content: Uint8Array, contentType: string): Promise<FiledFile> {
    try {
      if (content.byteLength > SIMPLE_UPLOAD_MAX_BYTES) return await this.withWebUrl(await uploadInSession(this.client, this.itemPath(folder.id), fileName, content, 'fail'));
      const uploaded = await this.client
        .api(`${this.itemPath(folder.id)}:/${encodeURIComponent(fileName)}:/content`)
        .query({ '@microsoft.graph.conflictBehavior': 'fail' })
        .header('Content-Type', contentType)
        .middlewareOptions([new NotBatched()])
        .put(Buffer.from(content));
      return await this.withWebUrl(uploaded);
    } catch (error) {
      if (graphStatus(error) !== 409) throw error;
      const existing = DriveItem.safeParse(
        await this.client.api(`${this.itemPath(folder.id)}:/${encodeURIComponent(fileName)}:`).select('id,name,webUrl').get(),
      );
      if (!existing.success) throw new Error(`Case Files: "${fileName}" was reported as existing but could not be read back.`);
      return { ...existing.data, alreadyThere: true };
    }
  }

  /** The child's folder and its children, asked for at once (two requests in one round trip's time). */
  async childFolder(childFolderName: string): Promise<ChildFolder | undefined> {
    const path = `${this.drivePath}/root:/${encodedPath(childFolderName)}:`;
    const [folder, children] = await Promise.allSettled([this.client.api(path).select('id,name,webUrl,folder').get(), listChildren(this.client, path)]);
    if (folder.status === 'rejected') {
      if (graphStatus(folder.reason) === 404) return undefined;
      throw folder.reason;
    }
    if (children.status === 'rejected') throw children.reason;
    const found = ListedItem.parse(folder.value);
    if (!found.folder) return undefined;
    const subfolders = children.value.filter((c) => c.folder).map(named);
    return { ...named(found), subfolders };
  }

  async children(folder: Pick<FolderRef, 'id'>): Promise<FolderItem[]> {
    return (await listChildren(this.client, this.itemPath(folder.id))).map(toFolderItem);
  }

  /**
   * Followed up by ids, one request a level, until the child's folder or one of its subfolders (known
   * already) is reached. The item's own path must begin with the child's folder, so an id of another
   * child's folder is refused on the first request.
   */
  async trailWithin(child: ChildFolder, folderId: string): Promise<NamedFolder[] | undefined> {
    const known = (id: string): NamedFolder[] | undefined => {
      if (id === child.id) return [named(child)];
      const sub = child.subfolders.find((f) => f.id === id);
      return sub ? [named(child), named(sub)] : undefined;
    };
    const direct = known(folderId);
    if (direct) return direct;
    const trail: NamedFolder[] = [];
    let id = folderId;
    for (let depth = 0; depth < MAX_FOLDER_DEPTH; depth++) {
      const item = await this.folderById(id);
      if (!item) return undefined;
      if (depth === 0 && !startsInside(item, child.name)) return undefined;
      trail.unshift(named(item));
      const parentId = item.parentReference?.id;
      if (!parentId) return undefined;
      const above = known(parentId);
      if (above) return [...above, ...trail];
      id = parentId;
    }
    return undefined;
  }

  /** A folder by id; undefined for a file, or an id the drive does not hold (404) or Graph does not take (400). */
  private async folderById(id: string): Promise<ListedItem | undefined> {
    try {
      const item = ListedItem.parse(await this.client.api(this.itemPath(id)).select('id,name,webUrl,folder,parentReference').get());
      return item.folder ? item : undefined;
    } catch (error) {
      const status = graphStatus(error);
      if (status === 404 || status === 400) return undefined;
      throw error;
    }
  }

  /** SharePoint's PDF of the file (`content?format=pdf`: a 302 to the PDF, followed without the Graph token). */
  async pdfOf(file: FileRef): Promise<Uint8Array> {
    const { bytes } = await fileBytes(this.client, `${this.itemPath(file.id)}/content?format=pdf`);
    if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') {
      throw new Error(`Case Files: the PDF of "${file.name}" is not a PDF (it begins ${JSON.stringify(Buffer.from(bytes.subarray(0, 8)).toString('latin1'))}).`);
    }
    return bytes;
  }

  async content(file: FileRef): Promise<Uint8Array> {
    return (await fileBytes(this.client, `${this.itemPath(file.id)}/content`)).bytes;
  }

  private itemPath(id: string): string {
    return `${this.drivePath}/items/${encodeURIComponent(id)}`;
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

  /** Makes a folder; undefined when it exists already (409: made before, or by someone else at the same moment). */
  private async makeFolder(parent: string, name: string): Promise<FolderRef | undefined> {
    try {
      return await this.withWebUrl(await this.client.api(`${parent}/children`).post({ name, folder: {}, '@microsoft.graph.conflictBehavior': 'fail' }));
    } catch (error) {
      if (graphStatus(error) === 409) return undefined;
      throw error;
    }
  }

  /** The item a create or upload answered, its webUrl read back when the answer has none (alone: outside any $batch and its order). */
  private async withWebUrl(answer: unknown): Promise<FileRef> {
    const made = MadeItem.parse(answer);
    if (made.webUrl !== undefined) return { id: made.id, name: made.name, webUrl: made.webUrl };
    return DriveItem.parse(await this.client.api(this.itemPath(made.id)).select('id,name,webUrl').middlewareOptions([new NotBatched()]).get());
  }

  private async mustExist(path: string): Promise<FolderRef> {
    const found = await this.byPath(path);
    // The path names the child (their folder): not in the message, which may reach a log.
    if (!found) throw new Error('A case folder was reported as existing but was not found.');
    return found;
  }

  private async byPath(path: string): Promise<FolderRef | undefined> {
    try {
      return DriveItem.parse(await this.client.api(`${this.drivePath}/root:/${encodedPath(path)}:`).select('id,name,webUrl').get());
    } catch (error) {
      if (graphStatus(error) === 404) return undefined;
      throw error;
    }
  }
}

const encodedPath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

const named = (item: { id: string; name: string; webUrl: string }): NamedFolder => ({ id: item.id, name: item.name, webUrl: item.webUrl });

/** The item's parent path starts at the child's folder (names match without regard to case, as SharePoint's do); true when Graph gave no path to check. */
function startsInside(item: ListedItem, childFolderName: string): boolean {
  const names = pathNames(item.parentReference?.path);
  if (!names) return true;
  return names[0]?.toLowerCase() === childFolderName.toLowerCase();
}
