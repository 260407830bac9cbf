import type { OperationXml, SchemaXml, StructuredTypeXml } from './csdlDocument';
import {
  operationKey,
  type BoundOperation,
  type ContainerChild,
  type Member,
  type MetadataModel,
  type Parameter,
  type StructuredType,
  type TypeRef,
} from './metadataModel';

const collectionPattern = /^Collection\((.+)\)$/;

/** Splits `ns.name` at the last dot and replaces a schema alias by its namespace. */
const qualifier = (namespaces: ReadonlyMap<string, string>) => (name: string): string => {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return name;
  const namespace = name.slice(0, dot);
  const resolved = namespaces.get(namespace);
  return resolved === undefined || resolved === namespace ? name : `${resolved}${name.slice(dot)}`;
};

const typeRefOf = (qualify: (name: string) => string, written: string): TypeRef => {
  const inner = collectionPattern.exec(written)?.[1];
  return inner === undefined ? { type: qualify(written), collection: false } : { type: qualify(inner), collection: true };
};

const structuredType = (
  qualify: (name: string) => string,
  namespace: string,
  xml: StructuredTypeXml,
  kind: StructuredType['kind'],
): StructuredType => {
  const members = new Map<string, Member>();
  for (const p of xml.Property ?? []) members.set(p.Name.toLowerCase(), { name: p.Name, kind: 'property', ...typeRefOf(qualify, p.Type) });
  for (const n of xml.NavigationProperty ?? []) {
    members.set(n.Name.toLowerCase(), { name: n.Name, kind: 'navigation', ...typeRefOf(qualify, n.Type) });
  }
  return {
    name: `${namespace}.${xml.Name}`,
    kind,
    baseType: xml.BaseType === undefined ? undefined : qualify(xml.BaseType),
    open: xml.OpenType === 'true',
    members,
  };
};

const boundOperation = (
  qualify: (name: string) => string,
  namespace: string,
  xml: OperationXml,
  kind: BoundOperation['kind'],
): BoundOperation | undefined => {
  const [bindingParameter, ...rest] = xml.Parameter ?? [];
  if (xml.IsBound !== 'true' || bindingParameter === undefined) return undefined;
  const parameters = new Map<string, Parameter>();
  for (const p of rest) parameters.set(p.Name.toLowerCase(), { name: p.Name, ...typeRefOf(qualify, p.Type) });
  const returnType = xml.ReturnType?.[0]?.Type;
  return {
    name: `${namespace}.${xml.Name}`,
    kind,
    binding: typeRefOf(qualify, bindingParameter.Type),
    parameters,
    returns: returnType === undefined ? undefined : typeRefOf(qualify, returnType),
  };
};

/** Builds the compact model from parsed CSDL schemas; aliases are resolved across the whole document. */
export const buildMetadataModel = (schemas: readonly SchemaXml[]): MetadataModel => {
  const namespaces = new Map<string, string>();
  for (const s of schemas) {
    namespaces.set(s.Namespace, s.Namespace);
    if (s.Alias !== undefined) namespaces.set(s.Alias, s.Namespace);
  }
  const qualify = qualifier(namespaces);
  const structuredTypes = new Map<string, StructuredType>();
  const enumTypes = new Set<string>();
  const containerChildren = new Map<string, ContainerChild>();
  const boundOperations = new Map<string, BoundOperation>();

  const addOperations = (namespace: string, list: readonly OperationXml[] | undefined, kind: BoundOperation['kind']): void => {
    for (const xml of list ?? []) {
      const op = boundOperation(qualify, namespace, xml, kind);
      if (!op) continue;
      const key = operationKey(op.binding.type, op.binding.collection, xml.Name.toLowerCase());
      // Overloads differ only in parameters; for path and body checks the first declaration serves.
      if (!boundOperations.has(key)) boundOperations.set(key, op);
    }
  };

  for (const s of schemas) {
    for (const t of s.EntityType ?? []) structuredTypes.set(`${s.Namespace}.${t.Name}`, structuredType(qualify, s.Namespace, t, 'entity'));
    for (const t of s.ComplexType ?? []) structuredTypes.set(`${s.Namespace}.${t.Name}`, structuredType(qualify, s.Namespace, t, 'complex'));
    for (const e of s.EnumType ?? []) enumTypes.add(`${s.Namespace}.${e.Name}`);
    addOperations(s.Namespace, s.Action, 'action');
    addOperations(s.Namespace, s.Function, 'function');
    for (const c of s.EntityContainer ?? []) {
      for (const set of c.EntitySet ?? []) {
        containerChildren.set(set.Name.toLowerCase(), { name: set.Name, type: qualify(set.EntityType), kind: 'entitySet' });
      }
      for (const one of c.Singleton ?? []) {
        containerChildren.set(one.Name.toLowerCase(), { name: one.Name, type: qualify(one.Type), kind: 'singleton' });
      }
    }
  }
  return { structuredTypes, enumTypes, containerChildren, boundOperations, namespaces };
};
