/**
 * The contract between the emulator's HTTP layer and the Graph v1.0 metadata checker.
 * A request real Graph would refuse (unknown path segment, unknown body property) is refused here.
 */
export interface GraphRequestToCheck {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path after the version prefix, without query string, e.g. `/sites/abc/lists/def/items/1/fields`. */
  path: string;
  /** Parsed JSON body, when the request has one. */
  body?: unknown;
}

export interface ResolvedTarget {
  /** Fully qualified type the path ends at, e.g. `microsoft.graph.listItem`, or `Collection(microsoft.graph.list)`. */
  type: string;
  /** What the last segment was: an entity set, singleton, key, navigation property, property, action or function. */
  kind: 'entitySet' | 'singleton' | 'key' | 'navigation' | 'property' | 'action' | 'function' | 'pathAddress' | 'content';
}

export type GraphRequestCheck =
  | { ok: true; target: ResolvedTarget }
  | { ok: false; status: 400; code: 'BadRequest' | 'invalidRequest'; message: string };

export interface GraphMetadataChecker {
  check(request: GraphRequestToCheck): GraphRequestCheck;
}
