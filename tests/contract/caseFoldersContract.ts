import type { CaseFolders } from '../../workflow';
import { freshCaseReference, freshChildFolderName } from './samples/fresh';

export interface CaseFoldersUnderTest {
  folders: CaseFolders;
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

    it('a folder name with a character SharePoint forbids is refused', async () => {
      await expect(folders().ensureCaseFolder('C-7Q2K4M Quill:feather', freshCaseReference())).rejects.toThrow();
    });
  });
}
