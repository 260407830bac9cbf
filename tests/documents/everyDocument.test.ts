import { TemplateDocuments } from '../../documents';
import { caseDocumentFields, documentKinds, schoolDocumentFields, type DocumentKind } from '../../workflow';
import { childNamed, contextFor, requestFor, school } from './documentFixtures';
import { readDocument, xmlText } from './readDocument';

const clock = { now: () => new Date('2026-11-23T09:00:00Z') };
const documents = new TemplateDocuments({ clock });

/** What each document must show, beyond the pupil's name and the case reference. */
const expected: Record<DocumentKind, string[]> = {
  'information-letter': ['Dear Fern Maddox,', 'Fri 25 Sep 2026', 'Mon 7 Sep 2026', 'Your outreach worker for this case is Harriet Lunde', 'outreach@outreach.example.org'],
  'information-form': ['Tue 14 Mar 2017', 'Year 4', 'SEN support', 'Maeve Corrigan', 'Mother', '01632 960123, maeve@example.org', 'Pupil passport, Positive behaviour support plan', 'SDQ, Boxall', 'A calm corner', 'Frequent dysregulation after lunch', 'Known triggers'],
  pdp: ['Personal Development Plan', 'Tue 14 Mar 2017', 'Larkhill Community Primary School', 'My targets'],
  'observation-form': ['Mon 21 Sep 2026', 'Year 4 maths lesson', 'In class', 'Warn before transitions', 'Visual timetable', 'Partly effective', 'Not known yet'],
  'meeting-record': ['Thu 24 Sep 2026', 'Initial meeting with school', 'Fern Maddox (SENCo)', 'Went through the information form', 'Six weekly sessions', 'calm corner available'],
  'outreach-contract': ['Outreach Contract (version 2)', 'Mon 5 Oct 2026', 'Wed 18 Nov 2026', 'Fri 20 Nov 2026', '1.  Stay in class for the whole afternoon session', '2.  Use the calm card', 'Silver Package (2026-27)', '13 h', 'Approved by Morgan Ashby on Thu 1 Oct 2026.'],
  'chronology-log': ['Feelings thermometer introduced.', 'Tomasz Frey', 'Update to home: Phoned mother with an update.', 'Home visit with Maeve Corrigan.', 'Disclosure recorded for the DSL.'],
  'summary-record': ['Version 2: Mon 5 Oct 2026 to Wed 18 Nov 2026, review Fri 20 Nov 2026', '2.5 h', 'Modelled the calm card with the TA.'],
  'end-of-outreach-report': ['2.5 h', 'Settled with adult support', 'With the pupil and school staff', 'Targets met; school to continue the strategies.', 'Back in mainstream'],
  'outreach-report': ['Outreach Report', 'Early Help team', 'Good progress in class', 'Harriet Lunde'],
  'fap-report': ['Fair Access Panel Report', 'Fair Access Panel', 'Good progress in class'],
  'evaluation-form': ['School Evaluation Form', 'with Harriet Lunde', 'https://forms.example.org/evaluation'],
  'early-closure-letter': ['closed on Tue 20 Oct 2026', 'Pupil moved school', 'The family moved out of the area.'],
  'parents-contract-letter': ['Dear Maeve Corrigan,', 'it has now been approved', 'Stay in class for the whole afternoon session', 'harriet.lunde@outreach.example.org'],
};

/** Documents that do not name the pupil in full (the parents' letter uses the first name). */
const fullName = (kind: DocumentKind): string => (kind === 'parents-contract-letter' ? 'Ciarán' : "Ciarán O'Neill");

describe('every document, made from a case with the shipped templates', () => {
  it.each(documentKinds)('%s shows what the case holds and leaves no tag behind', async (kind) => {
    const bytes = await documents.make(kind, caseDocumentFields(contextFor(), requestFor(kind)));
    const { text, documentXml, headerXml } = await readDocument(bytes);
    for (const value of [fullName(kind), 'OC-26-K7Q2M', ...expected[kind]]) expect(text).toContain(value);
    expect(xmlText(headerXml)).toContain('Northvale Outreach Service');
    expect(xmlText(documentXml)).not.toMatch(/[{}]/);
    expect(xmlText(headerXml)).not.toMatch(/[{}]/);
  });

  it("keeps the service's records to itself: no safeguarding record, time entry or check-in in what the school is sent", async () => {
    for (const kind of ['summary-record', 'end-of-outreach-report'] as const) {
      const { text } = await readDocument(await documents.make(kind, caseDocumentFields(contextFor(), requestFor(kind))));
      expect(text).not.toContain('Disclosure');
      expect(text).not.toContain('direct work');
    }
  });

  it("a school's evaluation form for a term names the term and no child", async () => {
    const fields = schoolDocumentFields(
      { serviceName: 'Northvale Outreach Service', serviceEmail: 'outreach@outreach.example.org', today: '2026-12-14', school },
      { kind: 'evaluation-form', term: 'Autumn 2026' },
    );
    const { text, documentXml } = await readDocument(await documents.make('evaluation-form', fields));
    expect(text).toContain('this Autumn 2026 term');
    expect(text).toContain('Larkhill Community Primary School');
    expect(text).not.toContain('answer online');
    expect(text).not.toContain('OC-26');
    expect(xmlText(documentXml)).not.toMatch(/[{}]/);
  });

  it('a letter before allocation says a worker will be allocated, and changes asked for on a contract are told to the parents as such', async () => {
    const unallocated = { ...contextFor(), worker: undefined };
    const letter = await readDocument(await documents.make('information-letter', caseDocumentFields(unallocated, requestFor('information-letter'))));
    expect(letter.text).toContain('An outreach worker will be allocated shortly');
    expect(letter.text).not.toContain('Not yet allocated');
    const parent = childNamed('Ciarán', "O'Neill").parents[0]!;
    const request = { ...requestFor('parents-contract-letter'), parent, outcome: 'changes-requested' as const };
    const toParents = await readDocument(await documents.make('parents-contract-letter', caseDocumentFields(contextFor(), request)));
    expect(toParents.text).toContain('a few changes to the plan are being made');
    expect(toParents.text).not.toContain('now been approved');
  });
});

describe('text over several lines', () => {
  it('keeps its line breaks in the document', async () => {
    const request = requestFor('meeting-record');
    if (request.kind !== 'meeting-record') throw new Error('a meeting record request');
    const notes = { ...request, record: { ...request.record, notes: 'First point agreed.\nSecond point agreed.' } };
    const { text, documentXml } = await readDocument(await documents.make('meeting-record', caseDocumentFields(contextFor(), notes)));
    expect(documentXml).toMatch(/First point agreed\.<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/>/);
    expect(text).toContain('First point agreed.');
    expect(text).toContain('Second point agreed.');
  });
});

describe('names in any script, and text with XML specials, come out intact', () => {
  const names: Array<[string, string]> = [
    ['Ciarán', "O'Neill"],
    ['Zoë', 'Ðurić'],
    ['李明', '王'],
    ['Арина', 'Соколова'],
    ['عائشة', 'الحسن'],
    ['Tom & Jerry', '<Smith> "Junior"'],
  ];
  it.each(names)('%s %s', async (first, last) => {
    const ctx = contextFor(childNamed(first, last, `${first}'s carer & <guardian>`));
    const request = requestFor('information-form', ctx.child.parents[0]);
    const { text, documentXml } = await readDocument(await documents.make('information-form', caseDocumentFields(ctx, request)));
    expect(text).toContain(`${first} ${last}`);
    expect(text).toContain(`${first}'s carer & <guardian>`);
    expect(xmlText(documentXml)).toContain(`${first} ${last}`);
    const letter = await readDocument(await documents.make('parents-contract-letter', caseDocumentFields(ctx, requestFor('parents-contract-letter', ctx.child.parents[0]))));
    expect(letter.text).toContain(`Dear ${first}'s carer & <guardian>,`);
  });
});
