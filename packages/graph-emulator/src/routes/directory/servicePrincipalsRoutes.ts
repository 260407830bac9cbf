import { z } from 'zod';
import { GraphError } from '../../http/graphError';
import { json, route, type Route, type RouteContext } from '../../http/route';
import type { DirectoryObject } from '../../store/directoryStore';
import { collection, demand, entity, equalityFilter, parsed } from './directoryRequests';

const permission = 'Application.ReadWrite.All';
const assignmentPermission = 'AppRoleAssignment.ReadWrite.All';
const servicePrincipalBody = z.object({ appId: z.string().min(1) }).catchall(z.unknown());
const patchBody = z.record(z.string(), z.unknown());
const assignmentBody = z.object({ principalId: z.guid(), resourceId: z.guid(), appRoleId: z.guid() });

const notFound = (what: string): GraphError => new GraphError(404, 'Request_ResourceNotFound', `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`);

const principalAt = (ctx: RouteContext): DirectoryObject => {
  const { id, value } = ctx.params;
  const found = id !== undefined ? ctx.store.directory.byId('servicePrincipal', id) : value !== undefined ? ctx.store.directory.find('servicePrincipal', 'appId', value) : undefined;
  if (!found) throw notFound(id ?? value ?? '');
  return found;
};

const onePrincipal = [/^\/servicePrincipals\(appId='(?<value>[^']*)'\)$/, /^\/servicePrincipals\/(?<id>[^/()]+)$/];

/** Service principals (enterprise applications) and the app role assignments they were granted (admin consent). */
export const servicePrincipalsRoutes: Route[] = [
  route('GET', /^\/servicePrincipals$/, ['$filter', '$select', '$top'], (ctx) => {
    demand(ctx, permission);
    const filter = equalityFilter(ctx, ['appId', 'displayName']);
    const all = ctx.store.directory.all('servicePrincipal');
    return json(200, collection(ctx, 'servicePrincipals', filter ? all.filter((p) => String(p[filter.property]).toLowerCase() === filter.value.toLowerCase()) : all));
  }),
  route('POST', /^\/servicePrincipals$/, [], (ctx) => {
    demand(ctx, permission);
    const body = parsed(ctx, servicePrincipalBody);
    const app = ctx.store.directory.find('application', 'appId', body.appId);
    if (!app) throw new GraphError(400, 'Request_BadRequest', `The appId '${body.appId}' of the service principal does not reference a valid application object.`);
    if (ctx.store.directory.find('servicePrincipal', 'appId', body.appId)) throw new GraphError(409, 'Request_MultipleObjectsWithSameKeyValue', 'The service principal cannot be created, updated, or restored because the service principal name is already in use.');
    const principal = ctx.store.directory.add('servicePrincipal', {
      accountEnabled: true, appRoleAssignmentRequired: false, servicePrincipalType: 'Application', tags: [],
      ...body, displayName: app.displayName, appRoles: app.appRoles ?? [], servicePrincipalNames: [body.appId, ...((app.identifierUris as string[] | undefined) ?? [])],
    }, ctx.clock.now());
    return json(201, entity(ctx, 'servicePrincipals', principal));
  }),
  ...onePrincipal.flatMap((pattern) => [
    route('GET', pattern, ['$select'], (ctx) => {
      demand(ctx, permission);
      return json(200, entity(ctx, 'servicePrincipals', principalAt(ctx)));
    }),
    route('PATCH', pattern, [], (ctx) => {
      demand(ctx, permission);
      const found = principalAt(ctx);
      ctx.store.directory.replace('servicePrincipal', { ...found, ...parsed(ctx, patchBody), id: found.id, appId: found.appId });
      return json(204, undefined);
    }),
  ]),
  route('GET', /^\/servicePrincipals\/(?<id>[^/()]+)\/appRoleAssignments$/, ['$select', '$filter'], (ctx) => {
    demand(ctx, permission);
    const principal = principalAt(ctx);
    return json(200, collection(ctx, `servicePrincipals('${principal.id}')/appRoleAssignments`, ctx.store.directory.all('appRoleAssignment', principal.id)));
  }),
  route('POST', /^\/servicePrincipals\/(?<id>[^/()]+)\/appRoleAssignments$/, [], (ctx) => {
    demand(ctx, assignmentPermission);
    const principal = principalAt(ctx);
    const body = parsed(ctx, assignmentBody);
    if (body.principalId.toLowerCase() !== principal.id.toLowerCase()) throw new GraphError(400, 'Request_BadRequest', 'The principalId must be the service principal in the request URL.');
    const resource = ctx.store.directory.byId('servicePrincipal', body.resourceId);
    if (!resource) throw notFound(body.resourceId);
    const role = ((resource.appRoles as Array<{ id: string }> | undefined) ?? []).find((r) => r.id.toLowerCase() === body.appRoleId.toLowerCase());
    if (!role) throw new GraphError(400, 'Request_BadRequest', 'Permission being assigned was not found on application');
    const existing = ctx.store.directory.all('appRoleAssignment', principal.id);
    if (existing.some((a) => a.resourceId === body.resourceId && a.appRoleId === body.appRoleId)) throw new GraphError(400, 'Request_BadRequest', 'Permission being assigned already exists on the object');
    const assignment = ctx.store.directory.add('appRoleAssignment', {
      ...body, principalType: 'ServicePrincipal', principalDisplayName: principal.displayName, resourceDisplayName: resource.displayName,
      createdDateTime: ctx.clock.now().toISOString(), deletedDateTime: null,
    }, ctx.clock.now(), principal.id);
    return json(201, entity(ctx, `servicePrincipals('${principal.id}')/appRoleAssignments`, assignment));
  }),
];
