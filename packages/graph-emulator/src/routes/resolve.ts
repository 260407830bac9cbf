import { GraphError, notFound } from '../http/graphError';
import { param, type RouteContext } from '../http/route';
import type { ListRecord, SiteRecord } from '../store/records';

export const siteOf = (ctx: RouteContext): SiteRecord => {
  const site = ctx.store.sites.byId(param(ctx, 'site'));
  if (!site) throw notFound(`Site '${param(ctx, 'site')}'`);
  return site;
};

export const listOf = (ctx: RouteContext): { site: SiteRecord; list: ListRecord } => {
  const site = siteOf(ctx);
  const ref = param(ctx, 'list');
  const list = ctx.store.lists.byRef(site.id, ref);
  if (!list) throw new GraphError(404, 'itemNotFound', `List '${ref}' does not exist at site with URL '${`https://${site.hostname}${site.path}`}'.`);
  return { site, list };
};

/** Validates a JSON body with zod; a failure is Graph's 400 with the first problem named. */
export const bodyOf = <T>(ctx: RouteContext, parse: (body: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): T => {
  const result = parse(ctx.req.body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at '${issue.path.map(String).join('.')}'` : '';
    throw new GraphError(400, 'invalidRequest', `Invalid request body${where}: ${issue?.message ?? 'unreadable'}.`);
  }
  return result.data;
};
