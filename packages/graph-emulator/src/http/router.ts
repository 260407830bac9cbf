import type { Route } from './route';
import type { GraphMethod } from './graphRequest';

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Finds the route for a method and canonical path; `methodNotAllowed` when the path exists for other methods. */
export const matchRoute = (
  routes: readonly Route[],
  method: GraphMethod,
  path: string,
): RouteMatch | { methodNotAllowed: true } | undefined => {
  let pathKnown = false;
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    pathKnown = true;
    if (r.method !== method) continue;
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) params[k] = v;
    return { route: r, params };
  }
  return pathKnown ? { methodNotAllowed: true } : undefined;
};
