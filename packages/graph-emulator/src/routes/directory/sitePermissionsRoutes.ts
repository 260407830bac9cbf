import { z } from 'zod';
import { GraphError } from '../../http/graphError';
import { json, param, route, type Route } from '../../http/route';
import { siteOf } from '../resolve';
import { collection, demand, entity, parsed } from './directoryRequests';

/** Granting an app a role on a site (Sites.Selected) needs Sites.FullControl.All, delegated to a SharePoint Administrator. */
const permission = 'Sites.FullControl.All';
const identity = z.object({ application: z.object({ id: z.string().min(1), displayName: z.string().optional() }) });
const permissionBody = z.object({ roles: z.array(z.enum(['read', 'write', 'manage', 'fullcontrol'])).min(1), grantedToIdentities: z.array(identity).min(1).optional(), grantedTo: identity.optional() });

/** `sites/{id}/permissions`: application permissions on one site. The list leaves out `roles`, as SharePoint does; one permission's GET has them. */
export const sitePermissionsRoutes: Route[] = [
  route('GET', /^\/sites\/(?<site>[^/]+)\/permissions$/, [], (ctx) => {
    demand(ctx, permission, 'accessDenied');
    const site = siteOf(ctx);
    const all = ctx.store.directory.all('sitePermission', site.id).map(({ roles: _roles, ...rest }) => ({ ...rest, id: rest.id }));
    return json(200, collection(ctx, `sites('${site.id}')/permissions`, all));
  }),
  route('GET', /^\/sites\/(?<site>[^/]+)\/permissions\/(?<permission>[^/]+)$/, [], (ctx) => {
    demand(ctx, permission, 'accessDenied');
    const site = siteOf(ctx);
    const found = ctx.store.directory.all('sitePermission', site.id).find((p) => p.id === param(ctx, 'permission'));
    if (!found) throw new GraphError(404, 'itemNotFound', 'Item not found');
    return json(200, entity(ctx, `sites('${site.id}')/permissions`, found));
  }),
  route('PATCH', /^\/sites\/(?<site>[^/]+)\/permissions\/(?<permission>[^/]+)$/, [], (ctx) => {
    demand(ctx, permission, 'accessDenied');
    const site = siteOf(ctx);
    const found = ctx.store.directory.all('sitePermission', site.id).find((p) => p.id === param(ctx, 'permission'));
    if (!found) throw new GraphError(404, 'itemNotFound', 'Item not found');
    const value = { ...found, roles: parsed(ctx, z.object({ roles: permissionBody.shape.roles })).roles };
    ctx.store.directory.replace('sitePermission', value);
    return json(200, entity(ctx, `sites('${site.id}')/permissions`, value));
  }),
  route('POST', /^\/sites\/(?<site>[^/]+)\/permissions$/, [], (ctx) => {
    demand(ctx, permission, 'accessDenied');
    const site = siteOf(ctx);
    const body = parsed(ctx, permissionBody);
    const granted = body.grantedToIdentities?.[0] ?? body.grantedTo;
    if (!granted) throw new GraphError(400, 'invalidRequest', 'grantedToIdentities is required.');
    const application = { id: granted.application.id, displayName: granted.application.displayName ?? '' };
    const id = Buffer.from(`i:0i.t|ms.sp.ext|${application.id}@${site.id}`).toString('base64url');
    const existing = ctx.store.directory.all('sitePermission', site.id).find((p) => p.id === id);
    const value = { id, roles: body.roles, grantedToIdentities: [{ application }], grantedToIdentitiesV2: [{ application }] };
    if (existing) ctx.store.directory.replace('sitePermission', value);
    else ctx.store.directory.add('sitePermission', value, ctx.clock.now(), site.id);
    return json(201, entity(ctx, `sites('${site.id}')/permissions`, value));
  }),
];
