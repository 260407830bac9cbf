import { graphPathLiterals, idSegment, pathTemplate } from '../../graph/client/pathTemplate';
import { appRouteLiterals } from './routeLiterals';

/**
 * The last line of defence before telemetry leaves the process: every envelope the exporter made is
 * rebuilt from an allow-list. A field that is not listed is dropped; a listed field keeps its value
 * only if the value has the expected shape (a status code, an id in hex, a route template); paths lose
 * their query and every segment that is not a known literal. Envelope kinds other than requests,
 * dependencies and exceptions are dropped whole. Whatever the app's own spans carry, a child's name,
 * date of birth, address, e-mail or a note cannot pass: none has the shape of anything kept.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const literals: ReadonlySet<string> = new Set([...appRouteLiterals, ...graphPathLiterals]);
const methods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

const kinds = {
  'Microsoft.ApplicationInsights.Request': 'RequestData',
  'Microsoft.ApplicationInsights.RemoteDependency': 'RemoteDependencyData',
  'Microsoft.ApplicationInsights.Exception': 'ExceptionData',
} as const satisfies Record<string, string>;
type EnvelopeName = keyof typeof kinds;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const matching = (value: unknown, shape: RegExp): string | undefined => (typeof value === 'string' && shape.test(value) ? value : undefined);

const shapes = {
  hexId: /^[0-9a-f]{16,32}$/,
  guid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  time: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/,
  duration: /^(\d{1,4}\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/,
  statusCode: /^\d{1,3}$/,
  /** A cloud role, a host or instance name, an SDK version: letters, digits and a few separators. */
  token: /^[A-Za-z0-9_.:+\-/]{1,128}$/,
  /** An error's type: a JavaScript identifier, maybe dotted. */
  typeName: /^[A-Za-z_$][A-Za-z0-9_$.]{0,127}$/,
  /** A named error code: GraphError's (serviceNotAvailable), Node's (ECONNREFUSED), the product's. */
  errorCode: /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/,
  host: /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/,
} as const;

/** Tags kept, each with the shape its value must have. */
const tagShapes: Record<string, RegExp | 'operationName'> = {
  'ai.operation.id': shapes.hexId,
  'ai.operation.parentId': shapes.hexId,
  'ai.operation.name': 'operationName',
  'ai.cloud.role': shapes.token,
  'ai.cloud.roleInstance': shapes.token,
  'ai.internal.sdkVersion': shapes.token,
  'ai.application.ver': shapes.token,
};

/** Custom dimensions kept (customDimensions in Application Insights). */
const propertyShapes: Record<string, RegExp> = {
  'error.code': shapes.errorCode,
  'error.type': shapes.typeName,
  'exception.escaped': /^(true|false)$/,
};

/** `METHOD /path` (a request's or a dependency's name): the method checked, the path made a template. */
export function scrubOperationName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const space = value.indexOf(' ');
  const method = space > 0 ? value.slice(0, space) : '';
  if (!methods.has(method)) return undefined;
  const path = value.slice(space + 1);
  return path.startsWith('/') ? `${method} ${pathTemplate(path, literals)}` : `${method} ${idSegment}`;
}

/** A URL reduced to scheme, host and path template (no user info, no query, no fragment). */
export function scrubUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return `${url.protocol}//${url.host}${pathTemplate(url.pathname, literals)}`;
  } catch {
    return undefined;
  }
}

function pick(source: JsonObject, fields: Record<string, (value: Json | undefined) => Json | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [key, clean] of Object.entries(fields)) {
    const value = clean(source[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const number = (value: Json | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const boolean = (value: Json | undefined) => (typeof value === 'boolean' ? value : undefined);
const shaped = (shape: RegExp) => (value: Json | undefined) => matching(value, shape);

function scrubTags(tags: Json | undefined): JsonObject {
  const out: JsonObject = {};
  if (!isObject(tags)) return out;
  for (const [key, shape] of Object.entries(tagShapes)) {
    const value = shape === 'operationName' ? scrubOperationName(tags[key]) : matching(tags[key], shape);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function scrubProperties(properties: Json | undefined): JsonObject {
  const out: JsonObject = {};
  if (!isObject(properties)) return out;
  for (const [key, shape] of Object.entries(propertyShapes)) {
    const value = matching(properties[key], shape);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const common = { ver: number, properties: (v: Json | undefined) => scrubProperties(v) };

function scrubRequest(data: JsonObject): JsonObject {
  return pick(data, {
    ...common,
    id: shaped(shapes.hexId),
    name: scrubOperationName,
    duration: shaped(shapes.duration),
    success: boolean,
    responseCode: shaped(shapes.statusCode),
    // The URL as the service saw it is never sent: the name carries the route template.
  });
}

function scrubDependency(data: JsonObject): JsonObject {
  return pick(data, {
    ...common,
    id: shaped(shapes.hexId),
    name: scrubOperationName,
    duration: shaped(shapes.duration),
    success: boolean,
    resultCode: shaped(shapes.statusCode),
    data: scrubUrl,
    target: shaped(shapes.host),
    type: shaped(/^(HTTP|Http|InProc)$/),
  });
}

function scrubException(data: JsonObject): JsonObject {
  const properties = scrubProperties(data.properties);
  const code = properties['error.code'];
  const first = Array.isArray(data.exceptions) ? data.exceptions[0] : undefined;
  const typeName = (isObject(first) ? matching(first.typeName, shapes.typeName) : undefined) ?? 'Error';
  // The message is rebuilt from the type and the code: an error's own message may quote a child's details.
  const message = typeof code === 'string' ? `${typeName}: ${code}` : typeName;
  return {
    ...pick(data, { ver: number, severityLevel: shaped(/^(Verbose|Information|Warning|Error|Critical)$/) }),
    exceptions: [{ typeName, message, hasFullStack: false }],
    properties,
  };
}

/** One envelope, rebuilt from what is allowed; undefined to drop it. */
export function scrubEnvelope(envelope: unknown): JsonObject | undefined {
  if (!isObject(envelope)) return undefined;
  const name = envelope.name;
  if (typeof name !== 'string' || !(name in kinds)) return undefined;
  const baseType = kinds[name as EnvelopeName];
  const data = envelope.data;
  if (!isObject(data) || data.baseType !== baseType || !isObject(data.baseData)) return undefined;
  const baseData =
    baseType === 'RequestData' ? scrubRequest(data.baseData) : baseType === 'RemoteDependencyData' ? scrubDependency(data.baseData) : scrubException(data.baseData);
  return {
    ...pick(envelope, { ver: number, time: shaped(shapes.time), sampleRate: number, iKey: shaped(shapes.guid) }),
    name,
    tags: scrubTags(envelope.tags),
    data: { baseType, baseData },
  };
}

/** The exporter's request body (a JSON array of envelopes) with every envelope scrubbed; unreadable: nothing. */
export function scrubEnvelopes(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return '[]';
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return JSON.stringify(items.map(scrubEnvelope).filter((e): e is JsonObject => e !== undefined));
}
