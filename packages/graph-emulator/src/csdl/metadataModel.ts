/**
 * The compact, read-only model of Graph v1.0 built once from the CSDL. Names of types are fully
 * qualified (`microsoft.graph.list`); names used for look-ups from a URL are lower-cased, because
 * Graph resolves path segments case-insensitively.
 */
export interface TypeRef {
  /** Fully qualified type name, e.g. `microsoft.graph.recipient` or `Edm.String`. */
  readonly type: string;
  readonly collection: boolean;
}

export interface Member extends TypeRef {
  /** The name as declared (body properties are matched against it case-sensitively). */
  readonly name: string;
  readonly kind: 'property' | 'navigation';
}

export interface StructuredType {
  readonly name: string;
  readonly kind: 'entity' | 'complex';
  readonly baseType: string | undefined;
  /** Declared open; derived types of an open type are open too (see `isOpenType`). */
  readonly open: boolean;
  /** Declared members only (not inherited), keyed by lower-cased name. */
  readonly members: ReadonlyMap<string, Member>;
}

export interface Parameter extends TypeRef {
  readonly name: string;
}

export interface BoundOperation {
  /** Fully qualified, e.g. `microsoft.graph.sendMail`. */
  readonly name: string;
  readonly kind: 'action' | 'function';
  readonly binding: TypeRef;
  /** Parameters after the binding parameter, keyed by lower-cased name. */
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly returns: TypeRef | undefined;
}

export interface ContainerChild {
  readonly name: string;
  readonly type: string;
  readonly kind: 'entitySet' | 'singleton';
}

export interface MetadataModel {
  readonly structuredTypes: ReadonlyMap<string, StructuredType>;
  readonly enumTypes: ReadonlySet<string>;
  /** Entity sets and singletons of the entity container, keyed by lower-cased name. */
  readonly containerChildren: ReadonlyMap<string, ContainerChild>;
  /** Keyed by `operationKey(binding type, collection, lower-cased short name)`. */
  readonly boundOperations: ReadonlyMap<string, BoundOperation>;
  /** Schema alias → namespace (`graph` → `microsoft.graph`), and each namespace to itself. */
  readonly namespaces: ReadonlyMap<string, string>;
}

export const operationKey = (bindingType: string, collection: boolean, lowerShortName: string): string =>
  `${bindingType}${collection ? '[]' : ''}/${lowerShortName}`;

export const collectionTypeName = (ref: TypeRef): string => (ref.collection ? `Collection(${ref.type})` : ref.type);
