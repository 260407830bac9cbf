import type { DocumentFieldSpec } from '../workflow';

/** docxtemplater's InspectModule `getAllTags()`: each tag, and for a section the tags inside it. */
export type TagTree = { [tag: string]: TagTree };

/**
 * The tags a template asks for that the product does not fill, in the order found. A tag is known
 * when it is a field of the kind, a loop, or (inside a loop) one of that loop's row fields;
 * conditions are yes/no fields, and tags inside them read the fields around them.
 */
export function unknownTags(tree: TagTree, spec: DocumentFieldSpec): string[] {
  const unknown: string[] = [];
  const visit = (node: TagTree, rowFields: ReadonlySet<string>) => {
    for (const [tag, inside] of Object.entries(node)) {
      const loop = spec.loops[tag];
      const known = tag in spec.fields || loop !== undefined || rowFields.has(tag);
      if (!known) unknown.push(tag);
      const inner = loop ? new Set([...rowFields, ...Object.keys(loop.rows)]) : rowFields;
      visit(inside, inner);
    }
  };
  visit(tree, new Set());
  return [...new Set(unknown)];
}
