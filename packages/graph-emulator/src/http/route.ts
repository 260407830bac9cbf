import type { EmulatorClock } from '../controls/clock';
import type { DriveLinks } from '../controls/driveLinks';
import type { FidelitySettings } from '../controls/fidelity';
import type { QueryOptionName, QueryOptions } from '../query/queryOptions';
import type { EmulatorStore } from '../store/emulatorStore';
import type { GraphMethod, GraphRequest, GraphResponse } from './graphRequest';

export interface RouteContext {
  req: GraphRequest;
  /** Named groups of the route's pattern, percent-decoded. */
  params: Record<string, string>;
  store: EmulatorStore;
  clock: EmulatorClock;
  /** The OData query options, already checked against the route's `query` list. */
  options: QueryOptions;
  /** e.g. `https://127.0.0.1:8443/v1.0`: for `@odata.nextLink` and `@odata.context`. */
  baseUrl: string;
  /** Limits and strictness in force (list view threshold, text and upload limits, unknown users). */
  fidelity: FidelitySettings;
  /** Download links (content?format=pdf) and where drive items' webUrl points. */
  links: DriveLinks;
}

export interface Route {
  method: GraphMethod;
  /** Matched against the whole path (after `/v1.0`), with named groups. */
  pattern: RegExp;
  /** Query options the route implements; any other `$` option is refused. */
  query: readonly QueryOptionName[];
  handle(ctx: RouteContext): GraphResponse;
}

export const route = (method: GraphMethod, pattern: RegExp, query: readonly QueryOptionName[], handle: Route['handle']): Route => ({
  method, pattern, query, handle,
});

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): GraphResponse => ({ status, body, headers });

export const param = (ctx: RouteContext, name: string): string => {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`route has no parameter ${name}`);
  return value;
};
