import { documentKinds } from '../ports/documents';
import type { DocumentFields } from '../ports/documents';
import { contextFor, requestFor, school } from '../../tests/documents/documentFixtures';
import { caseOnlyFieldNames, documentFieldNames } from './documentFieldNames';
import { caseDocumentFields, schoolDocumentFields } from './fieldsFor';

const names = (fields: DocumentFields): string[] => Object.keys(fields).sort();
const specNames = (kind: (typeof documentKinds)[number]): string[] => [...Object.keys(documentFieldNames[kind].fields), ...Object.keys(documentFieldNames[kind].loops)].sort();

describe('the fields each document is filled with', () => {
  it.each(documentKinds)('%s: exactly the fields its list names (nothing missing, nothing unlisted)', (kind) => {
    expect(names(caseDocumentFields(contextFor(), requestFor(kind)))).toEqual(specNames(kind));
  });

  it("each loop's rows have exactly the loop's row fields", () => {
    for (const kind of documentKinds) {
      const fields = caseDocumentFields(contextFor(), requestFor(kind));
      for (const [loop, { rows }] of Object.entries(documentFieldNames[kind].loops)) {
        const value = fields[loop];
        expect(Array.isArray(value)).toBe(true);
        for (const row of value as ReadonlyArray<Record<string, unknown>>) expect(Object.keys(row).sort()).toEqual(Object.keys(rows).sort());
      }
    }
  });

  it("a school's term form has the evaluation form's fields without the case's", () => {
    const fields = schoolDocumentFields({ serviceName: 'S', serviceEmail: 's@example.org', today: '2026-12-14', school }, { kind: 'evaluation-form', term: 'Autumn 2026' });
    expect(names(fields)).toEqual(specNames('evaluation-form').filter((n) => !caseOnlyFieldNames.includes(n)));
    expect(fields).toMatchObject({ aboutACase: false, term: 'Autumn 2026', hasFormLink: false, formLink: '', today: 'Mon 14 Dec 2026' });
  });

  it('dates are shown in words, and the child in full', () => {
    const fields = caseDocumentFields(contextFor(), requestFor('information-letter'));
    expect(fields).toMatchObject({ dateOfBirth: 'Tue 14 Mar 2017', referralDate: 'Mon 7 Sep 2026', returnBy: 'Fri 25 Sep 2026', childName: "Ciarán O'Neill", yearGroup: 'Year 4', sendStatus: 'SEN support' });
  });
});
