import { z } from 'zod';
import { workflowError } from '../../errors';
import type { Case } from '../../model/case';
import type { CaseRecord } from '../../model/records';
import type { Staff } from '../../model/staff';
import type { ChildFolder, FolderItem, NamedFolder } from '../../ports/services';
import type { Versioned } from '../../ports/store';
import { fail, ok, type Result } from '../../result';
import type { UseCase, WorkflowDeps } from '../deps';
import { childFolderName } from '../referral/childIdentity';
import { auditRead } from '../support/audit';
import { openCase } from '../support/caseAccess';
import { parseInput } from '../support/input';

const BrowseInput = z.object({
  caseId: z.string().min(1),
  /** A folder in the child's folder; the case's own subfolder when absent. */
  folderId: z.string().min(1).max(400).optional(),
});

export interface CaseFolderView {
  case: Versioned<Case>;
  folder: NamedFolder;
  /** From the child's folder down to the folder shown. */
  path: NamedFolder[];
  /** The child's other subfolders: their earlier (or other) cases. */
  otherCases: NamedFolder[];
  /** Folders first, then files, each by name; `filedBy` where the case's records say who filed the file. */
  entries: (FolderItem & { filedBy?: string })[];
  /** The case's own subfolder, open, reached from the caseload (not through a concern). */
  canUpload: boolean;
  asDsl: boolean;
}

/**
 * The child's folder as the case sees it: the case's subfolder, or another folder inside the child's
 * folder (an earlier case's, one made in SharePoint); never a folder outside it. Whoever may open the
 * case may look (the DSL through a concern too); the read is audited.
 */
export const browseCaseFolder: UseCase<unknown, CaseFolderView> = async (deps, actor, raw) => {
  const input = parseInput(BrowseInput, raw);
  if (!input.ok) return input;
  // The case's records, for who filed what (and, for the DSL, the concern that opens the case), read with it.
  const records = deps.stores.records.find({ caseId: input.value.caseId });
  const [opened, staff] = await Promise.all([openCase(deps, actor, input.value.caseId, 'safeguarding', records), deps.stores.staff.list()]);
  if (!opened.ok) return opened;
  const { case: c, asDsl } = opened.value;
  const child = await folderOfChild(deps, c);
  if (!child.ok) return child;
  const caseFolder = child.value.subfolders.find((f) => sameName(f.name, c.reference));
  const path = input.value.folderId ? await deps.folders.trailWithin(child.value, input.value.folderId) : caseFolder && [named(child.value), caseFolder];
  const folder = path?.at(-1);
  if (!path || !folder) return fail(workflowError('NotFound', `That folder is not in the folder of case ${c.reference}'s child.`, { field: 'folderId' }));
  const [entries, filers] = await Promise.all([deps.folders.children(folder), filersOf(records, staff), auditRead(deps, actor, 'case.read', c.id, { view: 'folder', folderId: folder.id, ...(asDsl ? { access: 'safeguarding' } : {}) })]);
  return ok({
    case: c,
    folder,
    path,
    otherCases: child.value.subfolders.filter((f) => f.id !== caseFolder?.id).sort(byName),
    entries: entries.map((e) => withFiler(e, filers)).sort((a, b) => (a.kind === b.kind ? byName(a, b) : a.kind === 'folder' ? -1 : 1)),
    canUpload: folder.id === caseFolder?.id && !asDsl && c.status !== 'closed',
    asDsl,
  });
};

/** The child's folder with the case's subfolder in it: made when missing (a case from before folders were made at referral). */
async function folderOfChild(deps: WorkflowDeps, c: Case): Promise<Result<ChildFolder>> {
  const child = await deps.stores.children.get(c.childId);
  if (!child) return fail(workflowError('NotFound', `The child of case ${c.reference} was not found.`, { field: 'caseId' }));
  const name = childFolderName(child, deps.config.folderNamePattern);
  const found = await deps.folders.childFolder(name);
  if (found?.subfolders.some((f) => sameName(f.name, c.reference))) return ok(found);
  await deps.folders.ensureCaseFolder(name, c.reference);
  const made = await deps.folders.childFolder(name);
  return made ? ok(made) : fail(workflowError('NotFound', `The folder of case ${c.reference} could not be found or made.`, { field: 'caseId' }));
}

/** Who filed each file the case's records link to, by the file's address. */
async function filersOf(records: Promise<readonly CaseRecord[]>, staff: readonly Staff[]): Promise<Map<string, string>> {
  const names = new Map(staff.map((s) => [s.userId, s.displayName]));
  const filers = new Map<string, string>();
  for (const r of await records) {
    const name = names.get(r.createdBy);
    const urls = ['fileUrl' in r.body ? r.body.fileUrl : undefined, 'pdfUrl' in r.body ? r.body.pdfUrl : undefined];
    for (const url of urls) if (typeof url === 'string' && name && !filers.has(url)) filers.set(url, name);
  }
  return filers;
}

const withFiler = (entry: FolderItem, filers: Map<string, string>): FolderItem & { filedBy?: string } => {
  const filedBy = entry.kind === 'file' ? filers.get(entry.webUrl) : undefined;
  return filedBy ? { ...entry, filedBy } : entry;
};

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true });
const named = (f: NamedFolder): NamedFolder => ({ id: f.id, name: f.name, webUrl: f.webUrl });
