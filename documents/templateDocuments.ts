import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { documentFieldNames, TemplateProblem, type Clock, type DocumentFields, type DocumentKind, type Documents, type TemplateOverrides } from '../workflow';
import { unknownTags } from './checkTags';
import { compileTemplate, fillTemplate, MissingField } from './fillTemplate';
import { explainTemplateError } from './templateErrors';

/** The templates shipped with the product: documents/templates/<kind>.docx. */
export const shippedTemplatesDir = path.join(__dirname, 'templates');

export const templateFileName = (kind: DocumentKind): string => `${kind}.docx`;

type Source = TemplateProblem['source'];
interface CheckedTemplate {
  bytes: Uint8Array;
  source: Source;
}

export interface TemplateDocumentsOptions {
  /** The site's Templates library; absent, only the shipped templates are used. */
  overrides?: TemplateOverrides;
  clock: Clock;
  /** How long a template read from the site (or its absence there) is used before the library is asked again. */
  overrideCacheSeconds?: number;
  /** Where the shipped templates are (tests point elsewhere). */
  shippedDir?: string;
}

const DEFAULT_OVERRIDE_CACHE_SECONDS = 300;

/**
 * The paperwork from Word templates: the site's copy of the kind's template when its Templates
 * library has one (`<kind>.docx`), else the one shipped with the product. A template is checked
 * when it is loaded (it opens, compiles, and asks only for fields the product fills for its kind);
 * a problem is a TemplateProblem naming it, never a half-filled document.
 */
export class TemplateDocuments implements Documents {
  private readonly loaded = new Map<DocumentKind, { at: number; template: Promise<CheckedTemplate> }>();
  private readonly shipped = new Map<DocumentKind, Promise<CheckedTemplate>>();
  private readonly cacheMs: number;
  private readonly shippedDir: string;

  constructor(private readonly options: TemplateDocumentsOptions) {
    this.cacheMs = (options.overrideCacheSeconds ?? DEFAULT_OVERRIDE_CACHE_SECONDS) * 1000;
    this.shippedDir = options.shippedDir ?? shippedTemplatesDir;
  }

  async make(kind: DocumentKind, fields: DocumentFields): Promise<Uint8Array> {
    const template = await this.template(kind);
    try {
      return fillTemplate(template.bytes, fields);
    } catch (error) {
      if (error instanceof MissingField) throw new TemplateProblem(kind, template.source, `it asks for {${error.tag}}, which was not given for this document`);
      const missing = missingFieldIn(error);
      if (missing) throw new TemplateProblem(kind, template.source, `it asks for {${missing.tag}}, which was not given for this document`);
      throw new TemplateProblem(kind, template.source, explainTemplateError(error));
    }
  }

  /** The kind's template, checked: the site's when it has one (read again once the cache time has passed), else the shipped one. */
  private template(kind: DocumentKind): Promise<CheckedTemplate> {
    const now = this.options.clock.now().getTime();
    const cached = this.loaded.get(kind);
    if (cached && now - cached.at < this.cacheMs) return cached.template;
    const template = this.load(kind);
    this.loaded.set(kind, { at: now, template });
    // A failed read of the library is not remembered: the next document asks again.
    template.catch((error: unknown) => {
      if (!(error instanceof TemplateProblem) && this.loaded.get(kind)?.template === template) this.loaded.delete(kind);
    });
    return template;
  }

  private async load(kind: DocumentKind): Promise<CheckedTemplate> {
    const override = this.options.overrides ? await this.options.overrides.find(templateFileName(kind)) : undefined;
    if (override) return checked(kind, override, 'site');
    let shipped = this.shipped.get(kind);
    if (!shipped) {
      shipped = readFile(path.join(this.shippedDir, templateFileName(kind))).then(
        (bytes) => checked(kind, new Uint8Array(bytes), 'shipped'),
        () => {
          throw new TemplateProblem(kind, 'shipped', `the file ${templateFileName(kind)} is missing from the product's templates`);
        },
      );
      this.shipped.set(kind, shipped);
    }
    return shipped;
  }
}

/** The template opens, compiles, and asks only for what the product fills for its kind. */
function checked(kind: DocumentKind, bytes: Uint8Array, source: Source): CheckedTemplate {
  let tags;
  try {
    tags = compileTemplate(bytes);
  } catch (error) {
    throw new TemplateProblem(kind, source, explainTemplateError(error));
  }
  const unknown = unknownTags(tags, documentFieldNames[kind]);
  if (unknown.length) {
    const asks = unknown.map((t) => `{${t}}`).join(', ');
    throw new TemplateProblem(
      kind,
      source,
      `it asks for ${asks}, which the product does not fill; the fields it can use are listed in documents/templates/README.md`,
    );
  }
  return { bytes, source };
}

/** docxtemplater may wrap the nullGetter's error in its own (a multi error during render). */
function missingFieldIn(error: unknown): MissingField | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const properties = (error as { properties?: { rootError?: unknown; errors?: unknown[] } }).properties;
  if (properties?.rootError instanceof MissingField) return properties.rootError;
  for (const inner of properties?.errors ?? []) {
    const found = missingFieldIn(inner) ?? (inner instanceof MissingField ? inner : undefined);
    if (found) return found;
  }
  return undefined;
}
