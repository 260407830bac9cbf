import { pdfText } from '@outreach/graph-emulator';
import type { CaseFolders } from '../../workflow';
import { minimalDocx } from '../support/minimalDocx';
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

    it('uploadOnce files a document once: a second upload of the name, with other bytes, keeps the first', async () => {
      const reference = freshCaseReference();
      const folder = await folders().ensureCaseFolder(freshChildFolderName(), reference);
      const first = await folders().uploadOnce(folder, `Visit letter ${reference}.txt`, bytes('first version'), 'text/plain');
      const again = await folders().uploadOnce(folder, `visit letter ${reference}.TXT`, bytes('second version'), 'text/plain');
      expect(again).toStrictEqual(first);
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
  });
}
