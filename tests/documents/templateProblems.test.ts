import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryTemplateOverrides, TemplateDocuments, shippedTemplatesDir } from '../../documents';
import { buildDocx, type Block } from '../../scripts/templates/wordml';
import { caseDocumentFields, TemplateProblem, type DocumentKind } from '../../workflow';
import { FixedClock } from '../support/memory/fixedClock';
import { contextFor, requestFor } from './documentFixtures';
import { readDocument } from './readDocument';

const template = (...texts: string[]): Uint8Array => buildDocx({ title: 'Test', blocks: texts.map((text): Block => ({ type: 'para', text })) });
const fieldsFor = (kind: DocumentKind) => caseDocumentFields(contextFor(), requestFor(kind));

/** The problem a promise fails with (the test fails when it does not). */
async function problemOf(made: Promise<unknown>): Promise<TemplateProblem> {
  const error: unknown = await made.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TemplateProblem)) throw new Error(`expected a TemplateProblem, got ${String(error)}`);
  return error;
}

function withOverride(kind: DocumentKind, bytes: Uint8Array, clock = new FixedClock('2026-11-23T09:00:00Z')) {
  const overrides = new MemoryTemplateOverrides();
  overrides.put(`${kind}.docx`, bytes);
  return { overrides, clock, documents: new TemplateDocuments({ overrides, clock }) };
}

describe("a template that cannot be used is reported in words, and no document is made", () => {
  it('an unclosed tag names the tag', async () => {
    const { documents } = withOverride('pdp', template('Plan for {childName', '{service}'));
    const problem = await problemOf(documents.make('pdp', fieldsFor('pdp')));
    expect(problem.source).toBe('site');
    expect(problem.kind).toBe('pdp');
    expect(problem.explanation).toContain('the tag {childName is not closed');
    expect(problem.message).toBe(`The pdp template (the site's Templates library) cannot be used: ${problem.explanation}`);
  });

  it('several problems are told together, each once', async () => {
    const { documents } = withOverride('pdp', template('{#parents}{parentName}', 'name} and {childName'));
    const problem = await problemOf(documents.make('pdp', fieldsFor('pdp')));
    expect(problem.explanation).toMatch(/\{#parents\} is never closed|not opened|not closed/);
    expect(problem.explanation).not.toMatch(/multi|undefined/i);
  });

  it('a file that is not a Word document says so', async () => {
    const { documents } = withOverride('outreach-contract', new TextEncoder().encode('this is not a zip file'));
    const problem = await problemOf(documents.make('outreach-contract', fieldsFor('outreach-contract')));
    expect(problem.source).toBe('site');
    expect(problem.explanation).toMatch(/^it is not a Word document \(\.docx\)/);
  });

  it('a tag the product does not fill is named, with where the fields are listed', async () => {
    const { documents } = withOverride('pdp', template('{service}: {childName} likes {favouriteColour}', '{#parents}{shoeSize}{/parents}'));
    const problem = await problemOf(documents.make('pdp', fieldsFor('pdp')));
    expect(problem.explanation).toBe(
      'it asks for {favouriteColour}, {shoeSize}, which the product does not fill; the fields it can use are listed in documents/templates/README.md',
    );
  });

  it("a loop's row field used outside its loop is unknown there", async () => {
    const { documents } = withOverride('outreach-contract', template('{service} {target}'));
    expect((await problemOf(documents.make('outreach-contract', fieldsFor('outreach-contract')))).explanation).toMatch(/^it asks for \{target\}/);
  });

  it('a field the template needs but the fields lack fails loudly', async () => {
    const documents = new TemplateDocuments({ clock: new FixedClock('2026-11-23T09:00:00Z') });
    const { childName: _left, ...fields } = fieldsFor('pdp');
    const problem = await problemOf(documents.make('pdp', fields));
    expect(problem.source).toBe('shipped');
    expect(problem.explanation).toBe('it asks for {childName}, which was not given for this document');
  });

  it('a shipped template that is missing is reported as the product\'s', async () => {
    const documents = new TemplateDocuments({ clock: new FixedClock('2026-11-23T09:00:00Z'), shippedDir: path.join(shippedTemplatesDir, 'nowhere') });
    const problem = await problemOf(documents.make('pdp', fieldsFor('pdp')));
    expect(problem.source).toBe('shipped');
    expect(problem.explanation).toContain('pdp.docx is missing');
  });
});

describe("the site's Templates library", () => {
  it('its copy is used instead of the shipped one', async () => {
    const { documents } = withOverride('pdp', template('{service}', 'Our own plan for {childName}, {yearGroup}'));
    const { text } = await readDocument(await documents.make('pdp', fieldsFor('pdp')));
    expect(text).toContain("Our own plan for Ciarán O'Neill, Year 4");
    expect(text).not.toContain('My targets');
  });

  it('a kind it has no copy of uses the shipped template', async () => {
    const { documents } = withOverride('pdp', template('{service}'));
    const { text } = await readDocument(await documents.make('meeting-record', fieldsFor('meeting-record')));
    expect(text).toContain('Meeting Record');
  });

  it('is read once within the cache time, and again after it (a new upload, or a deletion, is picked up)', async () => {
    const { documents, overrides, clock } = withOverride('pdp', template('{service}', 'First {childName}'));
    await documents.make('pdp', fieldsFor('pdp'));
    await documents.make('pdp', fieldsFor('pdp'));
    expect(overrides.reads).toBe(1);

    overrides.put('pdp.docx', template('{service}', 'Second {childName}'));
    clock.advance(6 * 60_000);
    expect((await readDocument(await documents.make('pdp', fieldsFor('pdp')))).text).toContain('Second');
    expect(overrides.reads).toBe(2);

    overrides.remove('pdp.docx');
    clock.advance(6 * 60_000);
    expect((await readDocument(await documents.make('pdp', fieldsFor('pdp')))).text).toContain('My targets');
  });

  it('a broken copy stays reported as the site\'s until it is fixed, and the fix is used', async () => {
    const { documents, overrides, clock } = withOverride('pdp', template('{childName'));
    expect((await problemOf(documents.make('pdp', fieldsFor('pdp')))).source).toBe('site');
    expect((await problemOf(documents.make('pdp', fieldsFor('pdp')))).source).toBe('site');
    expect(overrides.reads).toBe(1);
    overrides.put('pdp.docx', readFileSync(path.join(shippedTemplatesDir, 'pdp.docx')));
    clock.advance(6 * 60_000);
    expect((await readDocument(await documents.make('pdp', fieldsFor('pdp')))).text).toContain('My targets');
  });

  it('a library that cannot be reached is not remembered: the next document asks again', async () => {
    let fail = true;
    const overrides = { find: async () => (fail ? Promise.reject(new Error('Graph is down')) : undefined) };
    const documents = new TemplateDocuments({ overrides, clock: new FixedClock('2026-11-23T09:00:00Z') });
    await expect(documents.make('pdp', fieldsFor('pdp'))).rejects.toThrow('Graph is down');
    fail = false;
    expect((await readDocument(await documents.make('pdp', fieldsFor('pdp')))).text).toContain('My targets');
  });
});
