import type { BoundOperation, MetadataModel, TypeRef } from './metadataModel';
import { findMember, isOpenType, isSameOrDerivedFrom, qualifiedTypeName } from './modelLookup';
import {
  bodyNotAnObject,
  incompatibleType,
  unknownParameter,
  unknownProperty,
  unresolvableType,
  wrongValueShape,
  type Refusal,
} from './refusals';
import type { ResolvedPath } from './resolvePath';
import type { GraphRequestToCheck } from './types';

type JsonObject = Record<string, unknown>;

const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a value sits, for the refusal message: the property name and the type (or operation) declaring it. */
interface Place {
  readonly property: string;
  readonly owner: string;
}

const checkSingleValue = (model: MetadataModel, value: unknown, type: string, place: Place): Refusal | undefined => {
  if (value === null) return undefined;
  if (model.structuredTypes.has(type)) {
    return isJsonObject(value) ? checkObject(model, value, type) : wrongValueShape(place.property, place.owner, `an object of type '${type}'`);
  }
  return typeof value === 'object' ? wrongValueShape(place.property, place.owner, `a value of type '${type}'`) : undefined;
};

const checkValue = (model: MetadataModel, value: unknown, ref: TypeRef, place: Place): Refusal | undefined => {
  if (value === null || value === undefined) return undefined;
  if (!ref.collection) return checkSingleValue(model, value, ref.type, place);
  if (!Array.isArray(value)) return wrongValueShape(place.property, place.owner, `a collection of '${ref.type}'`);
  for (const element of value) {
    const refused = checkSingleValue(model, element, ref.type, place);
    if (refused) return refused;
  }
  return undefined;
};

/** The type an object claims with `@odata.type`, which must be the declared type or derive from it. */
const actualType = (model: MetadataModel, value: JsonObject, declared: string): string | Refusal => {
  const claimed = value['@odata.type'];
  if (typeof claimed !== 'string') return declared;
  const type = qualifiedTypeName(model, claimed);
  if (!model.structuredTypes.has(type)) return unresolvableType(claimed);
  return isSameOrDerivedFrom(model, type, declared) ? type : incompatibleType(claimed, declared);
};

/**
 * Every property must be declared on the type or a base type (matched case-sensitively); open
 * types accept any. Instance annotations (`@odata.type`, `@microsoft.graph.conflictBehavior`) pass;
 * a property annotation (`manager@odata.bind`) needs its property.
 */
const checkObject = (model: MetadataModel, value: JsonObject, declared: string): Refusal | undefined => {
  const type = actualType(model, value, declared);
  if (typeof type !== 'string') return type;
  const open = isOpenType(model, type);
  for (const key of Object.keys(value)) {
    const annotationAt = key.indexOf('@');
    if (annotationAt === 0) continue;
    const name = annotationAt > 0 ? key.slice(0, annotationAt) : key;
    const member = findMember(model, type, name.toLowerCase());
    if (!member || member.name !== name) {
      if (open) continue;
      return unknownProperty(name, type);
    }
    if (annotationAt > 0) continue;
    const refused = checkValue(model, value[key], member, { property: name, owner: type });
    if (refused) return refused;
  }
  return undefined;
};

/** Action parameters: names as in the CSDL (often PascalCase) are matched case-insensitively, as Graph does. */
const checkParameters = (model: MetadataModel, value: JsonObject, op: BoundOperation): Refusal | undefined => {
  const shortName = op.name.slice(op.name.lastIndexOf('.') + 1);
  for (const key of Object.keys(value)) {
    if (key.startsWith('@')) continue;
    const parameter = op.parameters.get(key.toLowerCase());
    if (!parameter) return unknownParameter(key, shortName);
    const refused = checkValue(model, value[key], parameter, { property: key, owner: op.name });
    if (refused) return refused;
  }
  return undefined;
};

const methodsWithBody: ReadonlySet<GraphRequestToCheck['method']> = new Set(['POST', 'PATCH', 'PUT']);

/**
 * Checks a JSON body against what the path resolved to: an action's parameters, the element type of
 * a collection (create), or the entity or complex type itself (update). Stream content is binary: skipped.
 */
export const checkBody = (
  model: MetadataModel,
  method: GraphRequestToCheck['method'],
  resolved: ResolvedPath,
  body: unknown,
): Refusal | undefined => {
  if (!methodsWithBody.has(method) || body === undefined || body === null || resolved.kind === 'content') return undefined;
  if (resolved.kind === 'action' && resolved.operation) {
    return isJsonObject(body) ? checkParameters(model, body, resolved.operation) : bodyNotAnObject();
  }
  if (!model.structuredTypes.has(resolved.ref.type)) return undefined;
  return isJsonObject(body) ? checkObject(model, body, resolved.ref.type) : bodyNotAnObject();
};
