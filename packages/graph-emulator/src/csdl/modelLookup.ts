import { operationKey, type BoundOperation, type Member, type MetadataModel, type StructuredType } from './metadataModel';

/** Guards the walk up the base types against a malformed (cyclic) document. */
const maxInheritanceDepth = 32;

/** Calls `visit` for the type and each base type, nearest first, until it returns a value. */
const upTheBaseTypes = <T>(model: MetadataModel, typeName: string, visit: (t: StructuredType) => T | undefined): T | undefined => {
  let current: string | undefined = typeName;
  for (let depth = 0; current !== undefined && depth < maxInheritanceDepth; depth += 1) {
    const t = model.structuredTypes.get(current);
    if (!t) return undefined;
    const found = visit(t);
    if (found !== undefined) return found;
    current = t.baseType;
  }
  return undefined;
};

/** A property or navigation property declared on the type or one of its base types. */
export const findMember = (model: MetadataModel, typeName: string, lowerName: string): Member | undefined =>
  upTheBaseTypes(model, typeName, (t) => t.members.get(lowerName));

export const isOpenType = (model: MetadataModel, typeName: string): boolean =>
  upTheBaseTypes(model, typeName, (t) => (t.open ? true : undefined)) ?? false;

export const isSameOrDerivedFrom = (model: MetadataModel, candidate: string, base: string): boolean =>
  upTheBaseTypes(model, candidate, (t) => (t.name === base ? true : undefined)) ?? false;

/** Resolves a written type name (`#microsoft.graph.fileAttachment`, `graph.list`) to its qualified name. */
export const qualifiedTypeName = (model: MetadataModel, written: string): string => {
  const name = written.startsWith('#') ? written.slice(1) : written;
  const dot = name.lastIndexOf('.');
  if (dot < 0) return name;
  const namespace = model.namespaces.get(name.slice(0, dot));
  return namespace === undefined ? name : `${namespace}${name.slice(dot)}`;
};

/**
 * An operation bound to the type (or a base type), single or collection, by short or
 * namespace-qualified name (`sendMail`, `microsoft.graph.sendMail`).
 */
export const findBoundOperation = (
  model: MetadataModel,
  typeName: string,
  collection: boolean,
  writtenName: string,
): BoundOperation | undefined => {
  const dot = writtenName.lastIndexOf('.');
  const shortName = (dot < 0 ? writtenName : writtenName.slice(dot + 1)).toLowerCase();
  const namespace = dot < 0 ? undefined : model.namespaces.get(writtenName.slice(0, dot));
  if (dot >= 0 && namespace === undefined) return undefined;
  return upTheBaseTypes(model, typeName, (t) => {
    const op = model.boundOperations.get(operationKey(t.name, collection, shortName));
    if (!op) return undefined;
    return namespace === undefined || op.name.slice(0, op.name.lastIndexOf('.')) === namespace ? op : undefined;
  });
};
