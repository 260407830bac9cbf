import { readFileSync } from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { shippedTemplatesDir } from '../../documents';
import { templateLogo } from '../../scripts/templates/logo';
import { templatesReadme } from '../../scripts/templates/readme';
import { templateSpecs } from '../../scripts/templates/specs';
import { buildDocx } from '../../scripts/templates/wordml';
import { documentKinds } from '../../workflow';

const shipped = (name: string): Buffer => readFileSync(path.join(shippedTemplatesDir, name));

describe('the shipped templates', () => {
  it.each(documentKinds)('%s.docx is what its spec makes (run scripts/make-templates.ts after changing a spec)', (kind) => {
    expect(Buffer.from(buildDocx(templateSpecs[kind], templateLogo())).equals(shipped(`${kind}.docx`))).toBe(true);
  });

  it('the README lists the fields as documentFieldNames has them', () => {
    expect(shipped('README.md').toString('utf8')).toBe(templatesReadme());
  });

  it('each carries the logo in its header, as a PNG', () => {
    for (const kind of documentKinds) {
      const zip = new PizZip(shipped(`${kind}.docx`));
      const png = zip.file('word/media/logo.png')?.asUint8Array();
      expect(Buffer.from(png ?? []).subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(zip.file('word/_rels/header1.xml.rels')?.asText()).toContain('media/logo.png');
      expect(zip.file('word/header1.xml')?.asText()).toContain('r:embed="rIdLogo"');
    }
  });
});
