import { collectionTypeName, type BoundOperation, type MetadataModel, type TypeRef } from './metadataModel';
import { findBoundOperation, findMember, isSameOrDerivedFrom, qualifiedTypeName } from './modelLookup';
import { splitPath, type PathSegment } from './pathSegments';
import { unknownSegment, type Refusal } from './refusals';
import type { GraphRequestToCheck, ResolvedTarget } from './types';

/** Where a request path leads: the type it ends at, and the bound operation when it ends at one. */
export interface ResolvedPath {
  readonly ref: TypeRef;
  readonly kind: ResolvedTarget['kind'];
  readonly operation: BoundOperation | undefined;
  /** Nothing may follow: an action, `$count`, `$value`, `$ref`, a stream. */
  readonly terminal: boolean;
}

/** Types Graph lets you address by path (`root:/Folder/File.txt:`, `sites/{host}:/sites/{name}:`). */
const pathAddressableTypes = ['microsoft.graph.driveItem', 'microsoft.graph.site'];

const single = (type: string): TypeRef => ({ type, collection: false });
const at = (ref: TypeRef, kind: ResolvedTarget['kind'], terminal = false, operation?: BoundOperation): ResolvedPath =>
  ({ ref, kind, terminal, operation });

const isPrimitive = (model: MetadataModel, ref: TypeRef): boolean => !model.structuredTypes.has(ref.type);

const operationStep = (op: BoundOperation): ResolvedPath =>
  op.kind === 'action'
    ? at(op.returns ?? single(op.name), 'action', true, op)
    : at(op.returns ?? single(op.name), 'function', op.returns === undefined, op);

/** A namespace-qualified segment naming the current type or a type derived from it (`microsoft.graph.fileAttachment`). */
const typeCast = (model: MetadataModel, from: ResolvedPath, name: string): ResolvedPath | undefined => {
  if (!name.includes('.')) return undefined;
  const type = qualifiedTypeName(model, name);
  return model.structuredTypes.has(type) && isSameOrDerivedFrom(model, type, from.ref.type)
    ? at({ type, collection: from.ref.collection }, from.kind)
    : undefined;
};

const systemSegment = (model: MetadataModel, from: ResolvedPath, name: string): ResolvedPath | undefined => {
  switch (name) {
    case '$count':
      return from.ref.collection ? at(single('Edm.Int32'), 'property', true) : undefined;
    case '$value':
      return !from.ref.collection && (from.kind === 'content' || isPrimitive(model, from.ref) || from.kind === 'key')
        ? at(single('Edm.Stream'), 'content', true)
        : undefined;
    case '$ref':
      return from.kind === 'navigation' || from.kind === 'key' ? at(from.ref, 'navigation', true) : undefined;
    default:
      return undefined;
  }
};

/** One segment by name: a key, member, bound operation or type cast, depending on where the path stands. */
const stepByName = (model: MetadataModel, from: ResolvedPath, name: string): ResolvedPath | undefined => {
  if (from.terminal) return undefined;
  if (name.startsWith('$')) return systemSegment(model, from, name);
  const structured = model.structuredTypes.get(from.ref.type);
  if (!structured) return undefined;
  if (from.ref.collection) {
    const op = findBoundOperation(model, from.ref.type, true, name);
    if (op) return operationStep(op);
    return typeCast(model, from, name) ?? (structured.kind === 'entity' ? at(single(from.ref.type), 'key') : undefined);
  }
  const member = findMember(model, from.ref.type, name.toLowerCase());
  if (member) {
    if (member.kind === 'navigation') return at(member, 'navigation');
    return member.type === 'Edm.Stream' ? at(member, 'content', true) : at(member, 'property');
  }
  const op = findBoundOperation(model, from.ref.type, false, name);
  if (op) return operationStep(op);
  return typeCast(model, from, name);
};

const isPathAddressable = (model: MetadataModel, at: ResolvedPath): boolean =>
  !at.ref.collection && pathAddressableTypes.some((t) => isSameOrDerivedFrom(model, at.ref.type, t));

/** What a segment adds after its name: a key in parentheses (`users('id')`), a path address (`root:/a/b:`). */
const withKeyAndAddress = (model: MetadataModel, reached: ResolvedPath, segment: PathSegment): ResolvedPath | undefined => {
  let next = reached;
  if (segment.parenthesised !== undefined && next.operation === undefined) {
    const keyed = next.ref.collection && segment.parenthesised !== '' && model.structuredTypes.get(next.ref.type)?.kind === 'entity';
    if (!keyed) return undefined;
    next = at(single(next.ref.type), 'key');
  }
  if (segment.address !== undefined) {
    if (!isPathAddressable(model, next)) return undefined;
    next = at(next.ref, 'pathAddress');
  }
  return next;
};

const step = (model: MetadataModel, from: ResolvedPath, segment: PathSegment): ResolvedPath | undefined => {
  const next = stepByName(model, from, segment.name);
  return next && withKeyAndAddress(model, next, segment);
};

const written = (segment: PathSegment): string =>
  `${segment.name}${segment.parenthesised === undefined ? '' : `(${segment.parenthesised})`}${segment.address === undefined ? '' : ':'}`;

/** Resolves a path through the entity container, keys, members, casts and bound operations. */
export const resolvePath = (model: MetadataModel, method: GraphRequestToCheck['method'], path: string): ResolvedPath | Refusal => {
  const [first, ...rest] = splitPath(path);
  if (!first) return unknownSegment('');
  const child = model.containerChildren.get(first.name.toLowerCase());
  if (!child) return unknownSegment(first.name);
  const start = at({ type: child.type, collection: child.kind === 'entitySet' }, child.kind);
  // The first segment itself may carry a key in parentheses (`users('id')`) or a path address.
  let current = withKeyAndAddress(model, start, first);
  if (!current) return unknownSegment(written(first));
  for (const segment of rest) {
    const next = step(model, current, segment);
    if (!next) return unknownSegment(written(segment));
    current = next;
  }
  // Actions are invoked with POST and functions with GET; anything else does not resolve in Graph.
  if ((current.kind === 'action' && method !== 'POST') || (current.kind === 'function' && method !== 'GET')) {
    return unknownSegment(rest.length > 0 ? written(rest[rest.length - 1] as PathSegment) : first.name);
  }
  return current;
};

export const targetOf = (resolved: ResolvedPath): ResolvedTarget => ({ type: collectionTypeName(resolved.ref), kind: resolved.kind });
