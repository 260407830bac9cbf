import { z } from 'zod';
import { GraphError } from '../../http/graphError';
import { json, param, route, type Route, type RouteContext } from '../../http/route';
import { newGuid } from '../../store/ids';
import type { DirectoryObject } from '../../store/directoryStore';
import { collection, demand, entity, equalityFilter, parsed } from './directoryRequests';

const permission = 'Application.ReadWrite.All';
const applicationBody = z.record(z.string(), z.unknown());
const credentialBody = z.object({
  name: z.string().min(1).max(120),
  issuer: z.string().min(1),
  subject: z.string().min(1),
  audiences: z.array(z.string()).length(1),
  description: z.string().nullish(),
});

const notFound = (what: string): GraphError => new GraphError(404, 'Request_ResourceNotFound', `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`);

/** `/applications/{id}` or `/applications(appId='…')` / `(uniqueName='…')`: undefined when there is none. */
const applicationAt = (ctx: RouteContext): DirectoryObject | undefined => {
  const { id, key, value } = ctx.params;
  if (id !== undefined) return ctx.store.directory.byId('application', id);
  return key && value !== undefined ? ctx.store.directory.find('application', key, value) : undefined;
};

const created = (ctx: RouteContext, body: Record<string, unknown>): DirectoryObject => {
  if (typeof body.displayName !== 'string' || body.displayName === '') throw new GraphError(400, 'Request_BadRequest', "Property 'displayName' is required.");
  const unique = body.uniqueName;
  if (typeof unique === 'string' && ctx.store.directory.find('application', 'uniqueName', unique)) throw new GraphError(409, 'Request_MultipleObjectsWithSameKeyValue', `Another object with the same value for property uniqueName already exists.`);
  return ctx.store.directory.add('application', {
    appRoles: [], identifierUris: [], requiredResourceAccess: [], signInAudience: 'AzureADMyOrg', api: { oauth2PermissionScopes: [], preAuthorizedApplications: [] },
    passwordCredentials: [], keyCredentials: [],
    ...body, appId: newGuid(), createdDateTime: ctx.clock.now().toISOString(),
  }, ctx.clock.now());
};

const byKey = /^\/applications\((?<key>appId|uniqueName)='(?<value>[^']*)'\)$/;

/** Entra app registrations (Graph v1.0 `application`), their federated credentials included. */
export const applicationsRoutes: Route[] = [
  route('GET', /^\/applications$/, ['$filter', '$select', '$top'], (ctx) => {
    demand(ctx, permission);
    const filter = equalityFilter(ctx, ['appId', 'uniqueName', 'displayName']);
    const all = ctx.store.directory.all('application');
    return json(200, collection(ctx, 'applications', filter ? all.filter((a) => String(a[filter.property]).toLowerCase() === filter.value.toLowerCase()) : all));
  }),
  route('POST', /^\/applications$/, [], (ctx) => {
    demand(ctx, permission);
    return json(201, entity(ctx, 'applications', created(ctx, parsed(ctx, applicationBody))));
  }),
  ...[byKey, /^\/applications\/(?<id>[^/()]+)$/].flatMap((pattern) => [
    route('GET', pattern, ['$select'], (ctx) => {
      demand(ctx, permission);
      const found = applicationAt(ctx);
      if (!found) throw notFound(ctx.params.value ?? ctx.params.id ?? '');
      return json(200, entity(ctx, 'applications', found));
    }),
    // PATCH replaces each property given; with `Prefer: create-if-missing` at an alternate key, a missing application is made (201).
    route('PATCH', pattern, [], (ctx) => {
      demand(ctx, permission);
      const body = parsed(ctx, applicationBody);
      const found = applicationAt(ctx);
      if (!found) {
        const upsert = ctx.params.key === 'uniqueName' && /create-if-missing/i.test(ctx.req.headers.prefer ?? '');
        if (!upsert) throw notFound(ctx.params.value ?? ctx.params.id ?? '');
        return json(201, entity(ctx, 'applications', created(ctx, { ...body, uniqueName: ctx.params.value })));
      }
      ctx.store.directory.replace('application', { ...found, ...body, id: found.id, appId: found.appId });
      return json(204, undefined);
    }),
  ]),
  route('GET', /^\/applications\/(?<id>[^/()]+)\/federatedIdentityCredentials$/, ['$select', '$filter'], (ctx) => {
    demand(ctx, permission);
    const app = ctx.store.directory.byId('application', param(ctx, 'id'));
    if (!app) throw notFound(param(ctx, 'id'));
    return json(200, collection(ctx, `applications('${app.id}')/federatedIdentityCredentials`, ctx.store.directory.all('federatedIdentityCredential', app.id)));
  }),
  route('POST', /^\/applications\/(?<id>[^/()]+)\/federatedIdentityCredentials$/, [], (ctx) => {
    demand(ctx, permission);
    const app = ctx.store.directory.byId('application', param(ctx, 'id'));
    if (!app) throw notFound(param(ctx, 'id'));
    const body = parsed(ctx, credentialBody);
    const existing = ctx.store.directory.all('federatedIdentityCredential', app.id);
    if (existing.some((c) => c.name === body.name)) throw new GraphError(409, 'Request_BadRequest', 'FederatedIdentityCredential with name ' + body.name + ' already exists.');
    if (existing.length >= 20) throw new GraphError(400, 'Request_BadRequest', 'An application can have at most 20 federated identity credentials.');
    const credential = ctx.store.directory.add('federatedIdentityCredential', { ...body, description: body.description ?? null }, ctx.clock.now(), app.id);
    return json(201, entity(ctx, `applications('${app.id}')/federatedIdentityCredentials`, credential));
  }),
  route('PATCH', /^\/applications\/(?<id>[^/()]+)\/federatedIdentityCredentials\/(?<credential>[^/]+)$/, [], (ctx) => {
    demand(ctx, permission);
    const app = ctx.store.directory.byId('application', param(ctx, 'id'));
    const found = app && ctx.store.directory.all('federatedIdentityCredential', app.id).find((c) => c.id === param(ctx, 'credential') || c.name === param(ctx, 'credential'));
    if (!found) throw notFound(param(ctx, 'credential'));
    ctx.store.directory.replace('federatedIdentityCredential', { ...found, ...parsed(ctx, credentialBody.partial()), id: found.id, name: found.name });
    return json(204, undefined);
  }),
];
