import { pdfText } from '@outreach/graph-emulator';
import type { CaseFolders, FolderRef } from '../../workflow';
import { minimalDocx } from '../support/minimalDocx';
import { freshCaseReference, freshChildFolderName } from './samples/fresh';

export interface CaseFoldersUnderTest {
  folders: CaseFolders;
  /** Makes a folder inside another, as someone might in SharePoint (not something the product does). */
  addFolder: (parent: FolderRef, name: string) => Promise<FolderRef>;
  cleanup?: () => Promise<void>;
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** The contract of the Case Files library port (memory, and the SharePoint document library). */
export function describeCaseFoldersContract(name: string, make: () => Promise<CaseFoldersUnderTest>): void {
  describe(`${name}: CaseFolders contract`, () => {
    let subject: CaseFoldersUnderTest;
    const folders = () => subject.folders;

    beforeEach(async () => {
      subject = await make();
    });
    afterEach(async () => {
      await subject.cleanup?.();
    });

    it('ensureCaseFolder twice gives the same folder', async () => {
      const child = freshChildFolderName();
      const reference = freshCaseReference();
      const first = await folders().ensureCaseFolder(child, reference);
      expect(await folders().ensureCaseFolder(child, reference)).toStrictEqual(first);
    });

    it('two callers ensuring the same folder at once end with the same folder', async () => {
      const child = freshChildFolderName();
      const reference = freshCaseReference();
      const [a, b] = await Promise.all([folders().ensureCaseFolder(child, reference), folders().ensureCaseFolder(child, reference)]);
      expect(b).toStrictEqual(a);
    });

    it('folder names are matched without regard to case, as SharePoint matches them', async () => {
      const child = freshChildFolderName();
      const reference = freshCaseReference();
      const first = await folders().ensureCaseFolder(child, reference);
      expect((await folders().ensureCaseFolder(child.toUpperCase(), reference.toLowerCase())).id).toBe(first.id);
    });

    it('each case of a child has its own folder, and so does the same reference under another child', async () => {
      const child = freshChildFolderName();
      const reference = freshCaseReference();
      const first = await folders().ensureCaseFolder(child, reference);
      const secondCase = await folders().ensureCaseFolder(child, freshCaseReference());
      const otherChild = await folders().ensureCaseFolder(freshChildFolderName(), reference);
      expect(new Set([first.id, secondCase.id, otherChild.id]).size).toBe(3);
      expect(new Set([first.webUrl, secondCase.webUrl, otherChild.webUrl]).size).toBe(3);
    });

    it('a new case folder lists no files', async () => {
      const folder = await folders().ensureCaseFolder(freshChildFolderName(), freshCaseReference());
      expect(await folders().list(folder)).toEqual([]);
    });

    it('an upload is listed with the id, name and address the upload returned', async () => {
      const reference = freshCaseReference();
      const folder = await folders().ensureCaseFolder(freshChildFolderName(), reference);
      const report = await folders().upload(folder, `End of outreach report ${reference}.html`, bytes('<h1>End of outreach</h1>'), 'text/html');
      const letter = await folders().upload(folder, `Referral letter ${reference}.pdf`, bytes('%PDF-1.7'), 'application/pdf');
      expect(report.name).toBe(`End of outreach report ${reference}.html`);
      expect(report.id).not.toBe(letter.id);
      const listed = await folders().list(folder);
      expect([...listed].sort((x, y) => x.name.localeCompare(y.name))).toStrictEqual([report, letter]);
    });

    it('uploading a name already there replaces the file: one file, the same id', async () => {
      const reference = freshCaseReference();
      const folder = await folders().ensureCaseFolder(freshChildFolderName(), reference);
      const first = await folders().upload(folder, `Contract ${reference}.html`, bytes('<p>version 1</p>'), 'text/html');
      const second = await folders().upload(folder, `Contract ${reference}.html`, bytes('<p>version 2</p>'), 'text/html');
      expect(second.id).toBe(first.id);
      expect(await folders().list(folder)).toStrictEqual([second]);
    });

    it('files uploaded to one case folder are not listed in another', async () => {
      const child = freshChildFolderName();
      const one = await folders().ensureCaseFolder(child, freshCaseReference());
      const other = await folders().ensureCaseFolder(child, freshCaseReference());
      await folders().upload(one, 'Observation notes.html', bytes('<p>notes</p>'), 'text/html');
      expect(await folders().list(other)).toEqual([]);
    });

    it('uploadOnce files a document once: a second upload of the name, with other bytes, keeps the first', async () => {
      const reference = freshCaseReference();
      const folder = await folders().ensureCaseFolder(freshChildFolderName(), reference);
      const first = await folders().uploadOnce(folder, `Visit letter ${reference}.txt`, bytes('first version'), 'text/plain');
      const again = await folders().uploadOnce(folder, `visit letter ${reference}.TXT`, bytes('second version'), 'text/plain');
      expect(again).toStrictEqual({ ...first, alreadyThere: true });
      expect(await folders().list(folder)).toStrictEqual([first]);
      expect(new TextDecoder().decode(await folders().content(first))).toBe('first version');
    });

    it('uploadOnce of a new name files it, next to what is there', async () => {
      const folder = await folders().ensureCaseFolder(freshChildFolderName(), freshCaseReference());
      const one = await folders().uploadOnce(folder, 'Consent form.txt', bytes('consent'), 'text/plain');
      const two = await folders().uploadOnce(folder, 'Home visit notes.txt', bytes('notes'), 'text/plain');
      expect(one.id).not.toBe(two.id);
      expect((await folders().list(folder)).map((f) => f.name)).toEqual(['Consent form.txt', 'Home visit notes.txt']);
    });

    it('content gives back every byte uploaded', async () => {
      const folder = await folders().ensureCaseFolder(freshChildFolderName(), freshCaseReference());
      const every = Uint8Array.from({ length: 1024 }, (_, i) => (i * 7) % 256);
      const file = await folders().upload(folder, 'Scan.bin', every, 'application/octet-stream');
      expect(Buffer.compare(Buffer.from(await folders().content(file)), Buffer.from(every))).toBe(0);
    });

    it('pdfOf a .docx is a PDF whose text is the document\'s paragraphs and table cells', async () => {
      const reference = freshCaseReference();
      const folder = await folders().ensureCaseFolder(freshChildFolderName(), reference);
      const docx = await minimalDocx([`End of outreach report ${reference}`, 'Settled well at the café; attendance up.'], [['Target', 'Outcome'], ['Attendance', 'Met']]);
      const file = await folders().uploadOnce(folder, `End of outreach report ${reference}.docx`, docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const pdf = await folders().pdfOf(file);
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(pdfText(pdf)).toBe(`End of outreach report ${reference} Settled well at the café; attendance up. Target Outcome Attendance Met`);
    });

    it('pdfOf a PDF is that PDF; a file that cannot be converted is refused', async () => {
      const folder = await folders().ensureCaseFolder(freshChildFolderName(), freshCaseReference());
      const original = bytes('%PDF-1.7\n% signed consent\n');
      const pdf = await folders().upload(folder, 'Signed consent.pdf', original, 'application/pdf');
      expect(Buffer.compare(Buffer.from(await folders().pdfOf(pdf)), Buffer.from(original))).toBe(0);
      const image = await folders().upload(folder, 'Drawing.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
      await expect(folders().pdfOf(image)).rejects.toThrow();
    });

    it('a folder name with a character SharePoint forbids is refused', async () => {
      await expect(folders().ensureCaseFolder('C-7Q2K4M Quill:feather', freshCaseReference())).rejects.toThrow();
    });
    it('childFolder: none for a child without a folder; else the child\'s folder and a subfolder per case, as ensureCaseFolder made them', async () => {
      expect(await folders().childFolder(freshChildFolderName())).toBeUndefined();
      const child = freshChildFolderName();
      const [one, two] = [freshCaseReference(), freshCaseReference()];
      const first = await folders().ensureCaseFolder(child, one);
      const second = await folders().ensureCaseFolder(child, two);
      await folders().ensureCaseFolder(freshChildFolderName(), one);
      const found = await folders().childFolder(child.toLowerCase());
      expect(found).toMatchObject({ name: child, id: expect.any(String), webUrl: expect.any(String) });
      expect([...(found?.subfolders ?? [])].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
        [{ id: first.id, name: one, webUrl: first.webUrl }, { id: second.id, name: two, webUrl: second.webUrl }].sort((a, b) => a.name.localeCompare(b.name)),
      );
    });

    it('children lists folders and files: kind, size for files, who changed each and when, and the address that opens it', async () => {
      const reference = freshCaseReference();
      const folder = await folders().ensureCaseFolder(freshChildFolderName(), reference);
      const file = await folders().upload(folder, 'Consent form.pdf', bytes('%PDF-1.7 consent'), 'application/pdf');
      const inner = await subject.addFolder(folder, 'Photos of work');
      const listed = await folders().children(folder);
      expect([...listed].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
        { id: file.id, name: 'Consent form.pdf', kind: 'file', size: 16, modifiedBy: expect.any(String), modifiedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), webUrl: file.webUrl },
        { id: inner.id, name: 'Photos of work', kind: 'folder', modifiedBy: expect.any(String), modifiedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), webUrl: inner.webUrl },
      ]);
      expect(await folders().children(inner)).toEqual([]);
    });

    it('children gives every page of a large folder', async () => {
      const folder = await folders().ensureCaseFolder(freshChildFolderName(), freshCaseReference());
      const names = Array.from({ length: 205 }, (_, i) => `Note ${String(i).padStart(3, '0')}.txt`);
      for (let i = 0; i < names.length; i += 25) {
        await Promise.all(names.slice(i, i + 25).map((n) => folders().upload(folder, n, bytes(n), 'text/plain')));
      }
      const listed = await folders().children(folder);
      expect(listed.map((e) => e.name).sort()).toEqual(names);
      expect(new Set(listed.map((e) => e.id)).size).toBe(names.length);
    });

    it('trailWithin: the child\'s folder, a case folder and a folder inside it, from the child\'s folder down; nothing of another child, no file, no unknown id', async () => {
      const child = freshChildFolderName();
      const reference = freshCaseReference();
      const caseFolder = await folders().ensureCaseFolder(child, reference);
      const inner = await subject.addFolder(caseFolder, 'Photos of work');
      const deeper = await subject.addFolder(inner, 'Term 1');
      const found = await folders().childFolder(child);
      if (!found) throw new Error('the child\'s folder was not found');
      const top = { id: found.id, name: found.name, webUrl: found.webUrl };
      expect(await folders().trailWithin(found, found.id)).toEqual([top]);
      expect(await folders().trailWithin(found, caseFolder.id)).toEqual([top, { id: caseFolder.id, name: reference, webUrl: caseFolder.webUrl }]);
      expect((await folders().trailWithin(found, deeper.id))?.map((f) => f.name)).toEqual([child, reference, 'Photos of work', 'Term 1']);
      expect((await folders().trailWithin(found, deeper.id))?.[3]?.id).toBe(deeper.id);

      const otherCase = await folders().ensureCaseFolder(freshChildFolderName(), reference);
      const otherInner = await subject.addFolder(otherCase, 'Photos of work');
      const file = await folders().upload(caseFolder, 'Scan.pdf', bytes('%PDF-1.7'), 'application/pdf');
      expect(await folders().trailWithin(found, otherCase.id)).toBeUndefined();
      expect(await folders().trailWithin(found, otherInner.id)).toBeUndefined();
      expect(await folders().trailWithin(found, file.id)).toBeUndefined();
      expect(await folders().trailWithin(found, 'no-such-item')).toBeUndefined();
    });

    it('uploadOnce says when the name was taken and the file returned is the one found there', async () => {
      const folder = await folders().ensureCaseFolder(freshChildFolderName(), freshCaseReference());
      const first = await folders().uploadOnce(folder, 'Plan.pdf', bytes('%PDF-1.7 one'), 'application/pdf');
      expect(first.alreadyThere ?? false).toBe(false);
      const again = await folders().uploadOnce(folder, 'plan.pdf', bytes('%PDF-1.7 two'), 'application/pdf');
      expect(again).toEqual({ id: first.id, name: first.name, webUrl: first.webUrl, alreadyThere: true });
    });

    it('a file over 4 MB is filed whole (an upload session on Graph), once under its name', async () => {
      const folder = await folders().ensureCaseFolder(freshChildFolderName(), freshCaseReference());
      const large = Uint8Array.from({ length: 4 * 1024 * 1024 + 654_321 }, (_, i) => (i * 31 + 7) % 256);
      const filed = await folders().uploadOnce(folder, 'Scanned work.pdf', large, 'application/pdf');
      expect(filed.alreadyThere ?? false).toBe(false);
      expect(Buffer.compare(Buffer.from(await folders().content(filed)), Buffer.from(large))).toBe(0);
      expect(await folders().uploadOnce(folder, 'Scanned work.pdf', large.subarray(1), 'application/pdf')).toMatchObject({ id: filed.id, alreadyThere: true });
      const replaced = await folders().upload(folder, 'Scanned work.pdf', large.subarray(0, 4 * 1024 * 1024 + 1), 'application/pdf');
      expect(replaced.id).toBe(filed.id);
      expect((await folders().children(folder)).map((e) => [e.name, e.size])).toEqual([['Scanned work.pdf', 4 * 1024 * 1024 + 1]]);
    });
  });
}
