import { documentKinds } from '../ports/documents';
import { documentFileName, documentTitle, safeFileNamePart, schoolDocumentFileName } from './documentNames';

describe('document names', () => {
  it('a case document is named by the document, the case reference and the version', () => {
    expect(documentFileName('outreach-contract', 'OC-26-ABCDE', 2, 'docx')).toBe('Outreach Contract OC-26-ABCDE v2.docx');
    expect(documentFileName('end-of-outreach-report', 'OC-26-ABCDE', 1, 'pdf')).toBe('End of Outreach Report OC-26-ABCDE v1.pdf');
    expect(documentFileName('fap-report', 'OC-26-ABCDE', 3, 'docx')).toBe('Fair Access Panel Report OC-26-ABCDE v3.docx');
    expect(documentTitle('information-form')).toBe('School Initial Information Gathering Form');
  });

  it('every kind has its own title, and every file name is one SharePoint accepts', () => {
    const titles = documentKinds.map(documentTitle);
    expect(new Set(titles).size).toBe(titles.length);
    for (const kind of documentKinds) expect(documentFileName(kind, 'OC-26-ABCDE', 1, 'docx')).not.toMatch(/["*:<>?/\\|]/);
  });

  it("a school's term form is named by the school and the term, without the characters SharePoint refuses", () => {
    expect(schoolDocumentFileName('evaluation-form', "St Wilfrid's CE Primary School", 'Autumn 2026', 'docx')).toBe("School Evaluation Form St Wilfrid's CE Primary School Autumn 2026.docx");
    expect(schoolDocumentFileName('evaluation-form', 'A/B "Academy": Trust <North>? | *', 'Spring 2027', 'pdf')).toBe('School Evaluation Form A B Academy Trust North Spring 2027.pdf');
    expect(safeFileNamePart('Name ends with a dot. ')).toBe('Name ends with a dot');
    expect(safeFileNamePart('tab\there')).toBe('tab here');
  });
});
