/**
 * TEMPORARY, for tests only, until the lead merges the template engine (documents/) and the
 * drive-files work (CaseFolders' uploadOnce, pdfOf, content): delete this file and its one use in
 * world.ts then. A fake `Documents` whose "docx" is the kind and the fields as text (no zip), and
 * CaseFolders over any others (memory, or the Graph adapter on the embedded Graph) that files once
 * per name (looks in the folder, uploads only a name not there) and converts to a fake "PDF". Tests
 * that use it check what stays true with the real engine: names, files, records, mails.
 */
import type { CaseFolders, DocumentFields, DocumentKind, Documents, FileRef, FolderRef } from '../../workflow';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A "document": its kind, then its fields as JSON. */
export const fakeDocuments: Documents = {
  make: (kind: DocumentKind, fields: DocumentFields) => Promise.resolve(encoder.encode(`FAKE DOCX ${kind}\n${JSON.stringify(fields)}`)),
};

/** The kind a fake document (or the fake PDF of one) was made as. */
export const fakeKindOf = (bytes: Uint8Array): string | undefined => /^(?:%PDF-fake of )?FAKE DOCX ([a-z-]+)/.exec(decoder.decode(bytes))?.[1];

/** Files once per name and converts to a fake PDF; everything else as the folders given. */
export class FilingForTests implements CaseFolders {
  /** The bytes of each file filed through this (by id), for the fake PDF. */
  private readonly contents = new Map<string, Uint8Array>();
  /** How many times each file was converted (for tests of round trips and repeats). */
  readonly conversions: string[] = [];

  constructor(private readonly inner: CaseFolders) {}

  ensureCaseFolder(childFolderName: string, caseReference: string): Promise<FolderRef> {
    return this.inner.ensureCaseFolder(childFolderName, caseReference);
  }

  upload(folder: FolderRef, fileName: string, content: Uint8Array, contentType: string): Promise<FileRef> {
    return this.inner.upload(folder, fileName, content, contentType);
  }

  list(folder: FolderRef): Promise<FileRef[]> {
    return this.inner.list(folder);
  }

  async uploadOnce(folder: FolderRef, fileName: string, content: Uint8Array, contentType: string): Promise<FileRef> {
    const there = (await this.list(folder)).find((f) => f.name.toLowerCase() === fileName.toLowerCase());
    if (there) return there;
    const file = await this.upload(folder, fileName, content, contentType);
    this.contents.set(file.id, Uint8Array.from(content));
    return file;
  }

  pdfOf(file: FileRef): Promise<Uint8Array> {
    this.conversions.push(file.name);
    const content = this.contents.get(file.id) ?? encoder.encode(file.name);
    return Promise.resolve(Uint8Array.from([...encoder.encode('%PDF-fake of '), ...content]));
  }

  async content(file: FileRef): Promise<Uint8Array> {
    const known = this.contents.get(file.id);
    return known ? Uint8Array.from(known) : this.inner.content(file);
  }
}

/** Ports with the test documents and filing in place of the ones not built yet. */
export function withDocumentsForTests<T extends { folders: CaseFolders; documents: Documents }>(deps: T): T & { folders: FilingForTests } {
  return { ...deps, folders: new FilingForTests(deps.folders), documents: fakeDocuments };
}
