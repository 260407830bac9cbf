import { z } from 'zod';
import { zipEntry } from '../../documents/zipEntry';
import { GraphError } from '../../http/graphError';
import { json, param, route, type Route, type RouteContext } from '../../http/route';
import { newGuid } from '../../store/ids';
import type { DirectoryObject } from '../../store/directoryStore';
import { collection, demand, entity, equalityFilter } from './directoryRequests';

const permission = 'AppCatalog.ReadWrite.All';
const manifestShape = z.object({ id: z.guid(), version: z.string().min(1), name: z.object({ short: z.string().min(1) }) });

/** The package's manifest.json: a package Teams would refuse is refused here with its reason. */
const manifestOf = (ctx: RouteContext): z.infer<typeof manifestShape> => {
  if ((ctx.req.headers['content-type'] ?? '').toLowerCase() !== 'application/zip' || !Buffer.isBuffer(ctx.req.body)) {
    throw new GraphError(400, 'BadRequest', 'The request body must be a Teams app package (Content-Type: application/zip).');
  }
  let text: string | undefined;
  try {
    text = zipEntry(ctx.req.body, 'manifest.json')?.toString('utf8');
  } catch {
    throw new GraphError(400, 'BadRequest', 'The app package is not a zip file.');
  }
  const manifest = manifestShape.safeParse(text === undefined ? undefined : JSON.parse(text));
  if (!manifest.success) throw new GraphError(400, 'BadRequest', 'The app package has no valid manifest.json (id, version and name.short are required).');
  return manifest.data;
};

const definition = (teamsAppId: string, manifest: z.infer<typeof manifestShape>, at: Date) => ({
  id: Buffer.from(`${teamsAppId}##${manifest.version}##Published`).toString('base64'),
  teamsAppId, displayName: manifest.name.short, version: manifest.version, publishingState: 'published', lastModifiedDateTime: at.toISOString(),
});

/** Without `$expand=appDefinitions` a teamsApp is listed without its definitions. */
const shown = (ctx: RouteContext, app: DirectoryObject): DirectoryObject => {
  if (ctx.options.expand.some((e) => e.name === 'appDefinitions')) return app;
  const { appDefinitions: _definitions, ...rest } = app;
  return { ...rest, id: app.id };
};

/** The organisation's Teams app catalogue: publish a package, list it by its manifest id, publish a new version. */
export const teamsAppsRoutes: Route[] = [
  route('GET', /^\/appCatalogs\/teamsApps$/, ['$filter', '$expand', '$select'], (ctx) => {
    demand(ctx, permission, 'Forbidden');
    const filter = equalityFilter(ctx, ['externalId', 'id', 'distributionMethod', 'displayName']);
    const all = ctx.store.directory.all('teamsApp');
    const value = filter ? all.filter((a) => String(a[filter.property]).toLowerCase() === filter.value.toLowerCase()) : all;
    return json(200, collection(ctx, 'appCatalogs/teamsApps', value.map((a) => shown(ctx, a))));
  }),
  route('POST', /^\/appCatalogs\/teamsApps$/, [], (ctx) => {
    demand(ctx, permission, 'Forbidden');
    const manifest = manifestOf(ctx);
    if (ctx.store.directory.find('teamsApp', 'externalId', manifest.id)) throw new GraphError(409, 'Conflict', `An app with the manifest id ${manifest.id} already exists in the catalogue.`);
    const id = newGuid();
    const app = ctx.store.directory.add('teamsApp', {
      id, externalId: manifest.id, displayName: manifest.name.short, distributionMethod: 'organization', appDefinitions: [definition(id, manifest, ctx.clock.now())],
    }, ctx.clock.now());
    return json(200, entity(ctx, 'appCatalogs/teamsApps', shown(ctx, app)));
  }),
  route('POST', /^\/appCatalogs\/teamsApps\/(?<app>[^/]+)\/appDefinitions$/, [], (ctx) => {
    demand(ctx, permission, 'Forbidden');
    const app = ctx.store.directory.byId('teamsApp', param(ctx, 'app'));
    if (!app) throw new GraphError(404, 'NotFound', `The app ${param(ctx, 'app')} is not in the catalogue.`);
    const manifest = manifestOf(ctx);
    if (manifest.id.toLowerCase() !== String(app.externalId).toLowerCase()) throw new GraphError(400, 'BadRequest', 'The package manifest id is not the app being updated.');
    const definitions = app.appDefinitions as Array<{ version: string }>;
    if (definitions.some((d) => d.version === manifest.version)) throw new GraphError(409, 'Conflict', `Version ${manifest.version} of this app is already in the catalogue: raise the manifest version.`);
    const added = definition(app.id, manifest, ctx.clock.now());
    ctx.store.directory.replace('teamsApp', { ...app, displayName: manifest.name.short, appDefinitions: [...definitions, added] });
    return json(200, { '@odata.context': `${ctx.baseUrl}/$metadata#appCatalogs/teamsApps('${app.id}')/appDefinitions/$entity`, ...added });
  }),
];
