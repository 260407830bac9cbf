import { json, route, type Route } from '../http/route';
import { applySelect } from '../query/queryOptions';
import { demand } from './directory/directoryRequests';
import { siteOf } from './resolve';
import { siteJson } from './shapes';

/** `sites/{site-id}` (path addressing `sites/{host}:/sites/x` is resolved to the id before routing). */
export const sitesRoutes: Route[] = [
  route('GET', /^\/sites\/(?<site>[^/]+)$/, ['$select'], (ctx) => {
    // An app with Sites.Selected and no permission on this site is refused here (tests take Sites.Selected away to see it).
    demand(ctx, 'Sites.Selected', 'accessDenied');
    return json(200, { '@odata.context': `${ctx.baseUrl}/$metadata#sites/$entity`, ...applySelect(siteJson(siteOf(ctx)), ctx.options.select) });
  }),
];
