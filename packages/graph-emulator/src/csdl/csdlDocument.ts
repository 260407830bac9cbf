import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

/**
 * The parts of an OData CSDL document the checker needs, as read from the XML. Everything else
 * (annotations, enum members, terms) is dropped while parsing, which keeps the parse cheap.
 */
const named = { Name: z.string().min(1) };
const typed = { ...named, Type: z.string().min(1) };
const many = <T extends z.ZodType>(item: T) => z.array(item).optional();

const StructuredTypeXml = z.object({
  ...named,
  BaseType: z.string().optional(),
  OpenType: z.string().optional(),
  Property: many(z.object(typed)),
  NavigationProperty: many(z.object(typed)),
});
const OperationXml = z.object({
  ...named,
  IsBound: z.string().optional(),
  Parameter: many(z.object(typed)),
  ReturnType: many(z.object({ Type: z.string().min(1) })),
});
const EntityContainerXml = z.object({
  ...named,
  EntitySet: many(z.object({ ...named, EntityType: z.string().min(1) })),
  Singleton: many(z.object(typed)),
});
const SchemaXml = z.object({
  Namespace: z.string().min(1),
  Alias: z.string().optional(),
  EntityType: many(StructuredTypeXml),
  ComplexType: many(StructuredTypeXml),
  EnumType: many(z.object(named)),
  Action: many(OperationXml),
  Function: many(OperationXml),
  EntityContainer: many(EntityContainerXml),
});
const EdmxXml = z.object({
  'edmx:Edmx': z.object({ 'edmx:DataServices': z.object({ Schema: z.array(SchemaXml).min(1) }) }),
});

export type StructuredTypeXml = z.infer<typeof StructuredTypeXml>;
export type OperationXml = z.infer<typeof OperationXml>;
export type SchemaXml = z.infer<typeof SchemaXml>;

const keptElements = new Set([
  'edmx:Edmx', 'edmx:DataServices', 'Schema', 'EntityType', 'ComplexType', 'EnumType', 'Property',
  'NavigationProperty', 'Action', 'Function', 'Parameter', 'ReturnType', 'EntityContainer', 'EntitySet', 'Singleton',
]);
const singleElements = new Set(['edmx:Edmx', 'edmx:DataServices']);

/** Parses CSDL XML text into its schemas. Throws, naming the first misfits, when the document is not CSDL. */
export const parseCsdl = (xml: string): SchemaXml[] => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    processEntities: false,
    ignoreDeclaration: true,
    isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && !singleElements.has(name),
    updateTag: (name) => (keptElements.has(name) ? name : false),
  });
  const parsed = EdmxXml.safeParse(parser.parse(xml));
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('/')}: ${i.message}`);
    throw new Error(`Not an OData CSDL document (${parsed.error.issues.length} problems), e.g. ${where.join('; ')}`);
  }
  return parsed.data['edmx:Edmx']['edmx:DataServices'].Schema;
};

/** Reads a CSDL file, gzip-compressed when its name ends in `.gz`. */
export const readCsdl = (csdlPath: string): SchemaXml[] => {
  const bytes = readFileSync(csdlPath);
  return parseCsdl((csdlPath.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
};
