/**
 * Writes the shipped Word templates (documents/templates/<kind>.docx) from their specs, and the
 * templates README with each template's fields (from documentFieldNames). Run after changing a
 * spec or a document's fields: npx tsx scripts/make-templates.ts
 * The output is the same bytes for the same specs, so an unchanged template shows no diff.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { documentKinds } from '../workflow';
import { templateLogo } from './templates/logo';
import { templatesReadme } from './templates/readme';
import { templateSpecs } from './templates/specs';
import { buildDocx } from './templates/wordml';

const templatesDir = path.resolve(__dirname, '..', 'documents', 'templates');

const logo = templateLogo();
for (const kind of documentKinds) {
  writeFileSync(path.join(templatesDir, `${kind}.docx`), buildDocx(templateSpecs[kind], logo));
}
writeFileSync(path.join(templatesDir, 'README.md'), templatesReadme());
console.log(`wrote ${documentKinds.length} templates and README.md to ${path.relative(process.cwd(), templatesDir)}`);
