import { documentPdf } from '@outreach/graph-emulator';
import type { CaseFolders, ChildFolder, FiledFile, FileRef, FolderItem, FolderRef, NamedFolder } from '../../../workflow';

export interface StoredFile extends FileRef {
  contentType: string;
  content: Uint8Array;
  modifiedAt: string;
}

interface Folder extends FolderRef {
  path: string;
  modifiedAt: string;
}

/** Who the library says changed what the product wrote (an app-only write shows the application, as on the embedded Graph). */
const application = 'Outreach Cases';

const libraryUrl = 'https://outreach.example.sharepoint.com/sites/outreach/Case%20Files';
/** What SharePoint refuses in a file or folder name. */
const forbiddenInNames = /["*:<>?/\\|]/;

/**
 * The Case Files library in memory: a folder per child, a subfolder per case, found by path
 * without regard to case (as SharePoint does); an upload of an existing name replaces its content,
 * `uploadOnce` keeps it. `pdfOf` converts as the embedded Graph does (a PDF of a .docx's text).
 */
export class MemoryCaseFolders implements CaseFolders {
  private readonly folders = new Map<string, Folder>();
  private readonly files = new Map<string, StoredFile[]>();
  private lastFileId = 0;

  constructor(private readonly now: () => Date = () => new Date()) {}

  async ensureCaseFolder(childFolderName: string, caseReference: string): Promise<FolderRef> {
    await Promise.resolve();
    checkName(childFolderName);
    checkName(caseReference);
    const child = this.ensure(childFolderName);
    const folder = this.ensure(`${child.path}/${caseReference}`);
    return { id: folder.id, webUrl: folder.webUrl };
  }

  async upload(folder: FolderRef, fileName: string, content: Uint8Array, contentType: string): Promise<FileRef> {
    await Promise.resolve();
    checkName(fileName);
    const inFolder = this.filesOf(folder);
    const existing = inFolder.find((f) => f.name.toLowerCase() === fileName.toLowerCase());
    const id = existing?.id ?? `file-${++this.lastFileId}`;
    const name = existing?.name ?? fileName;
    const file: StoredFile = { id, name, webUrl: `${folder.webUrl}/${encodeURIComponent(name)}`, contentType, content: Uint8Array.from(content), modifiedAt: this.now().toISOString() };
    this.files.set(folder.id, [...inFolder.filter((f) => f.id !== id), file]);
    return { id, name, webUrl: file.webUrl };
  }

  async uploadOnce(folder: FolderRef, fileName: string, content: Uint8Array, contentType: string): Promise<FiledFile> {
    await Promise.resolve();
    checkName(fileName);
    const existing = this.filesOf(folder).find((f) => f.name.toLowerCase() === fileName.toLowerCase());
    if (existing) return { id: existing.id, name: existing.name, webUrl: existing.webUrl, alreadyThere: true };
    return this.upload(folder, fileName, content, contentType);
  }

  async pdfOf(file: FileRef): Promise<Uint8Array> {
    const stored = this.fileById(file.id);
    const converted = await documentPdf(stored.name, stored.content);
    if ('unsupported' in converted) throw new Error(`Case Files: "${stored.name}" cannot be converted to PDF: ${converted.unsupported}`);
    return converted.pdf;
  }

  async content(file: FileRef): Promise<Uint8Array> {
    await Promise.resolve();
    return Uint8Array.from(this.fileById(file.id).content);
  }

  async list(folder: FolderRef): Promise<FileRef[]> {
    await Promise.resolve();
    return this.filesOf(folder)
      .map(({ id, name, webUrl }) => ({ id, name, webUrl }))
      .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  }

  async childFolder(childFolderName: string): Promise<ChildFolder | undefined> {
    await Promise.resolve();
    const child = this.folders.get(childFolderName.toLowerCase());
    if (!child) return undefined;
    return { ...named(child), subfolders: this.subfoldersOf(child).map(named) };
  }

  async children(folder: Pick<FolderRef, 'id'>): Promise<FolderItem[]> {
    await Promise.resolve();
    const parent = this.folderById(folder.id);
    if (!parent) throw new Error(`Case Files: no folder with id ${folder.id}`);
    const folders = this.subfoldersOf(parent).map((f): FolderItem => ({ id: f.id, name: nameOf(f), kind: 'folder', modifiedBy: application, modifiedAt: f.modifiedAt, webUrl: f.webUrl }));
    const files = (this.files.get(parent.id) ?? []).map(
      (f): FolderItem => ({ id: f.id, name: f.name, kind: 'file', size: f.content.byteLength, modifiedBy: application, modifiedAt: f.modifiedAt, webUrl: f.webUrl }),
    );
    return [...folders, ...files].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  }

  async trailWithin(child: ChildFolder, folderId: string): Promise<NamedFolder[] | undefined> {
    await Promise.resolve();
    const root = this.folderById(child.id);
    const target = this.folderById(folderId);
    if (!root || !target) return undefined;
    const inside = target.path.toLowerCase() === root.path.toLowerCase() || target.path.toLowerCase().startsWith(`${root.path.toLowerCase()}/`);
    if (!inside) return undefined;
    const names = target.path.split('/');
    const depth = root.path.split('/').length;
    return names.slice(depth - 1).map((_, i) => named(this.folders.get(names.slice(0, depth + i).join('/').toLowerCase()) as Folder));
  }

  /** A folder made inside another, as someone might in SharePoint (for tests). */
  addFolder(parent: Pick<FolderRef, 'id'>, name: string): FolderRef {
    checkName(name);
    const above = this.folderById(parent.id);
    if (!above) throw new Error(`Case Files: no folder with id ${parent.id}`);
    const folder = this.ensure(`${above.path}/${name}`);
    return { id: folder.id, webUrl: folder.webUrl };
  }

  /** Every folder's path, in the order made (for assertions in tests). */
  folderPaths(): string[] {
    return [...this.folders.values()].map((f) => f.path);
  }

  /** The files in a folder, given as a path (`C-4K7P2Q Quillfeather/OC-26-AB12C`) or a ref, with their bytes (for assertions in tests). */
  filesIn(folder: string | FolderRef): StoredFile[] {
    const ref = typeof folder === 'string' ? this.folders.get(folder.toLowerCase()) : folder;
    if (!ref) return [];
    return this.filesOf(ref).map((f) => ({ ...f, content: Uint8Array.from(f.content) }));
  }

  private folderById(id: string): Folder | undefined {
    return [...this.folders.values()].find((f) => f.id === id);
  }

  private subfoldersOf(parent: Folder): Folder[] {
    const prefix = `${parent.path.toLowerCase()}/`;
    return [...this.folders.values()].filter((f) => f.path.toLowerCase().startsWith(prefix) && !f.path.slice(prefix.length).includes('/'));
  }

  private fileById(id: string): StoredFile {
    for (const files of this.files.values()) {
      const found = files.find((f) => f.id === id);
      if (found) return found;
    }
    throw new Error(`Case Files: no file with id ${id}`);
  }

  private filesOf(folder: FolderRef): StoredFile[] {
    if (![...this.folders.values()].some((f) => f.id === folder.id)) throw new Error(`Case Files: no folder with id ${folder.id}`);
    return this.files.get(folder.id) ?? [];
  }

  private ensure(path: string): Folder {
    const found = this.folders.get(path.toLowerCase());
    if (found) return found;
    const folder = {
      id: `folder-${this.folders.size + 1}`,
      path,
      webUrl: `${libraryUrl}/${path.split('/').map(encodeURIComponent).join('/')}`,
      modifiedAt: this.now().toISOString(),
    };
    this.folders.set(path.toLowerCase(), folder);
    return folder;
  }
}

const nameOf = (folder: Folder): string => folder.path.slice(folder.path.lastIndexOf('/') + 1);
const named = (folder: Folder): NamedFolder => ({ id: folder.id, name: nameOf(folder), webUrl: folder.webUrl });

function checkName(name: string): void {
  if (name === '' || forbiddenInNames.test(name) || name.trim() !== name) {
    throw new Error(`Case Files: "${name}" is not a valid name: names cannot contain " * : < > ? / \\ | or start or end with a space`);
  }
}
