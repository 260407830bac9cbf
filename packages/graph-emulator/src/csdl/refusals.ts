import type { GraphRequestCheck } from './types';

/** A request real Graph would refuse, worded the way Graph words it. */
export type Refusal = Extract<GraphRequestCheck, { ok: false }>;

const badRequest = (message: string): Refusal => ({ ok: false, status: 400, code: 'BadRequest', message });

export const unknownSegment = (segment: string): Refusal => badRequest(`Resource not found for the segment '${segment}'.`);

export const unknownProperty = (property: string, typeName: string): Refusal =>
  badRequest(`Invalid request: property '${property}' does not exist on type '${typeName}'`);

export const unknownParameter = (parameter: string, operationName: string): Refusal =>
  badRequest(`The parameter '${parameter}' in the request payload is not a valid parameter for the operation '${operationName}'.`);

export const unresolvableType = (written: string): Refusal =>
  badRequest(`A type named '${written}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`);

export const incompatibleType = (written: string, expected: string): Refusal =>
  badRequest(`Invalid request: the type '${written}' is not compatible with the expected type '${expected}'.`);

/** A value of the wrong shape: an object where a primitive belongs, a single value where a collection belongs, and so on. */
export const wrongValueShape = (property: string, owner: string, expected: string): Refusal =>
  badRequest(`Invalid request: the value of property '${property}' on '${owner}' must be ${expected}.`);

export const bodyNotAnObject = (): Refusal => badRequest('Invalid request: the request body must be a JSON object.');
