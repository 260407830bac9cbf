import { documentFieldNames, documentKinds, documentTitle, type DocumentFieldSpec, type DocumentKind } from '../../workflow';

/** The fields every case document has: those of the information form, which adds none of its own. */
const common = documentFieldNames['information-form'];

const fieldRows = (spec: DocumentFieldSpec, leaveOut: DocumentFieldSpec | undefined): string[] => {
  const fields = Object.entries(spec.fields).filter(([name]) => !leaveOut || !(name in leaveOut.fields));
  const loops = Object.entries(spec.loops).filter(([name]) => !leaveOut || !(name in leaveOut.loops));
  if (!fields.length && !loops.length) return ['No others.'];
  return [
    '| tag | what it holds |',
    '|---|---|',
    ...fields.map(([name, about]) => `| \`{${name}}\` | ${about} |`),
    ...loops.map(
      ([loop, { about, rows }]) =>
        `| \`{#${loop}}\`…\`{/${loop}}\` | ${about}, one row each: ${Object.entries(rows)
          .map(([name, what]) => `\`{${name}}\` ${what.charAt(0).toLowerCase()}${what.slice(1)}`)
          .join('; ')} |`,
    ),
  ];
};

/** Whether a kind has every common field (a case document), or a list of its own (the evaluation form). */
const isCaseDocument = (spec: DocumentFieldSpec): boolean => Object.keys(common.fields).every((name) => name in spec.fields) && 'parents' in spec.loops;

/** documents/templates/README.md: how to use your own template, the tags, and each template's fields. */
export function templatesReadme(): string {
  const sections = documentKinds.flatMap((kind: DocumentKind) => {
    const spec = documentFieldNames[kind];
    const shared = isCaseDocument(spec);
    return [
      `### ${documentTitle(kind)}: \`${kind}.docx\``,
      '',
      shared ? 'The fields of every case document, and:' : 'Only these fields (the case fields are given only when the form is about one case):',
      '',
      ...fieldRows(spec, shared ? common : undefined),
      '',
    ];
  });
  return `# Document templates

<!-- The field lists below are written by scripts/make-templates.ts from documentFieldNames: edit those, not this file's lists. -->

The product fills one Word template per document from what the case holds: the child, the
referral, the school, the worker, the contract, the records. A person fills in by hand only what
the product cannot know: the blank rows and boxes.

## Using your own template

1. Download the shipped template (this folder, or from a document the product made: it has the
   same layout) and change it in Word: wording, layout, your logo in the header, more blank rows.
2. Keep its file name: \`outreach-contract.docx\`, \`information-letter.docx\` and so on (the
   names below).
3. Upload it to the **Templates** document library of the service's SharePoint site (next to
   "Case Files"). The product uses it from the next document on (within five minutes); delete it
   from the library to go back to the shipped one.

A template is checked when the product loads it. If it cannot be used (a tag is not closed, or it
asks for a field the product does not fill for that document) the document is not made, and the
message names the template, whether it is the site's or the shipped one, and the problem.

## Tags

- \`{childName}\` is replaced by the field's value. Type tags in one go in Word, so that Word
  keeps them in one piece, and use only the fields listed for that document.
- \`{#parents}\` … \`{/parents}\` repeats what is between them for each row of a list. Put the
  two tags in the same table row to repeat a row, or each on a paragraph of its own to repeat
  paragraphs. Inside, use the row's fields (and any of the document's fields).
- \`{#approved}\` … \`{/approved}\` shows what is between them only when a yes/no field is yes;
  \`{^approved}\` … \`{/approved}\` only when it is no.
- Every document's header has \`{service}\`, the service's name.

## The fields of every case document

${fieldRows(common, undefined).join('\n')}

## Each template's own fields

${sections.join('\n')}`;
}
