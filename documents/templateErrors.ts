/**
 * docxtemplater's errors, as one plain sentence the person who edits the template can act on
 * ("the tag {childName is not closed"). Its errors carry `properties` (id, xtag, explanation);
 * a template with several problems throws one error whose `properties.errors` lists them.
 */
interface ErrorProperties {
  id?: string;
  xtag?: string;
  context?: string;
  explanation?: string;
  errors?: unknown[];
}

function propertiesOf(error: unknown): ErrorProperties | undefined {
  if (typeof error !== 'object' || error === null || !('properties' in error)) return undefined;
  const properties = (error as { properties: unknown }).properties;
  return typeof properties === 'object' && properties !== null ? (properties as ErrorProperties) : undefined;
}

/** One problem in words. */
function sentenceFor(p: ErrorProperties): string {
  const tag = p.xtag ?? '';
  switch (p.id) {
    case 'unclosed_tag':
      return `the tag {${tag} is not closed (a } is missing)`;
    case 'unopened_tag':
      return `the tag ${tag.endsWith('}') ? tag : `${tag}}`} is not opened (a { is missing)`;
    case 'duplicate_open_tag':
      return `a tag starting "${p.context ?? tag}" has two opening braces`;
    case 'duplicate_close_tag':
      return `a tag ending "${p.context ?? tag}" has two closing braces`;
    case 'unclosed_loop':
      return `the section {#${tag}} is never closed with {/${tag}}`;
    case 'unopened_loop':
      return `{/${tag}} closes a section that was never opened with {#${tag}}`;
    case 'closing_tag_does_not_match_opening_tag': {
      const [, opened, closed] = /"([^"]*)" is closed by the tag "([^"]*)"/.exec(p.explanation ?? '') ?? [];
      if (opened !== undefined && closed !== undefined) return `the section {#${opened}} is closed by {/${closed}}: they must match`;
      return 'its sections are not closed in the order they were opened';
    }
    case 'unbalanced_loop_tags':
    case 'loop_position_invalid':
      return `its sections are not closed in the order they were opened (${p.explanation ?? 'unbalanced'})`;
    case 'malformed_xml':
    case 'file_has_invalid_xml':
      return 'its contents are damaged (the Word XML inside it is not valid); save it again from Word';
    case 'filetype_not_identified':
    case 'filetype_not_handled':
      return 'it is not a Word document (.docx)';
    default:
      return p.explanation ? p.explanation.charAt(0).toLowerCase() + p.explanation.slice(1) : 'docxtemplater could not read it';
  }
}

/** The problems an error names, each once, in one sentence. */
export function explainTemplateError(error: unknown): string {
  const properties = propertiesOf(error);
  if (!properties) {
    const message = error instanceof Error ? error.message : String(error);
    return /zip|signature|end of central directory|corrupt/i.test(message) ? 'it is not a Word document (.docx): it could not be opened as one' : `it could not be opened (${message})`;
  }
  const parts = properties.id === 'multi_error' && properties.errors?.length ? properties.errors.map((e) => propertiesOf(e) ?? {}) : [properties];
  return [...new Set(parts.map(sentenceFor))].join('; ');
}
