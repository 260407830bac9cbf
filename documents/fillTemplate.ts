import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import type { DocumentFields } from '../workflow';
import type { TagTree } from './checkTags';

/** Thrown by the nullGetter: the template asked for a field the fields given do not have. */
export class MissingField extends Error {
  constructor(readonly tag: string) {
    super(`the field {${tag}} was not given`);
    this.name = 'MissingField';
  }
}

const options = {
  paragraphLoop: true,
  linebreaks: true,
  // Errors are reported as TemplateProblems, not printed to the console.
  errorLogging: false,
  // A missing field fails loudly rather than printing "undefined" or an empty gap.
  nullGetter(part: { value?: string; module?: string }): never {
    throw new MissingField(part.value ?? '(unnamed)');
  },
};

/** Opens and compiles a template (throws docxtemplater's errors), answering the tags it uses. */
export function compileTemplate(bytes: Uint8Array): TagTree {
  const inspect = new InspectModule();
  new Docxtemplater(new PizZip(bytes), { ...options, modules: [inspect] });
  return inspect.getAllTags() as TagTree;
}

/** The template filled with the fields, as .docx bytes (throws MissingField, or docxtemplater's errors). */
export function fillTemplate(bytes: Uint8Array, fields: DocumentFields): Uint8Array {
  const doc = new Docxtemplater(new PizZip(bytes), options);
  doc.render(fields);
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
}
