import { z } from 'zod';
import { GraphError, notFound } from '../http/graphError';
import { json, route, type Route, type RouteContext } from '../http/route';
import { applySelect } from '../query/queryOptions';
import type { DriveItemRecord, ListRecord, SiteRecord } from '../store/records';
import { downloadPath } from '../controls/driveLinks';
import { uploadSessionPath } from '../controls/uploadSessions';
import { convertibleSource } from '../documents/documentText';
import { checkName, conflictBehaviorOf, conflictBehaviors, fileInto, freeName, nameExists } from './driveFiling';
import { driveItemJson, driveJson, mimeTypeFor } from './driveShapes';
import { pagedCollection } from './paging';
import { bodyOf, listOf, siteOf } from './resolve';

const createChildSchema = z.looseObject({
  name: z.string().min(1),
  folder: z.looseObject({}).optional(),
  file: z.unknown().optional(),
  '@microsoft.graph.conflictBehavior': z.enum(conflictBehaviors).optional(),
});

/** `/drives/{d}/root`, `/drives/{d}/items/{id}`, either followed by `:/{relative path}:`, then `/children` or `/content`. */
const itemAddress = String.raw`^\/drives\/(?<drive>[^/]+)\/(?:root|items\/(?<base>[^/:]+))(?::\/(?<rel>[^:]+):?)?(?<rest>\/children|\/content)?$`;
const pattern = new RegExp(itemAddress);

interface DriveContext { site: SiteRecord; list: ListRecord; driveId: string }

const driveOf = (ctx: RouteContext): DriveContext => {
  const driveId = ctx.params.drive ?? '';
  const list = ctx.store.lists.byDriveId(driveId);
  const site = list && ctx.store.sites.byId(list.siteId);
  if (!list || !site) throw notFound(`Drive '${driveId}'`);
  return { site, list, driveId };
};

const relativeNames = (ctx: RouteContext): string[] =>
  (ctx.params.rel ?? '').split('/').filter((s) => s.length > 0);

const baseItem = (ctx: RouteContext, d: DriveContext): DriveItemRecord => {
  const item = ctx.params.base ? ctx.store.drive.get(d.driveId, ctx.params.base) : ctx.store.drive.root(d.driveId);
  if (!item) throw new GraphError(404, 'itemNotFound', 'The resource could not be found.');
  return item;
};

/** The addressed item, following the relative path from the base item; 404 itemNotFound when a step is missing. */
const addressedItem = (ctx: RouteContext, d: DriveContext): DriveItemRecord => {
  let item = baseItem(ctx, d);
  for (const name of relativeNames(ctx)) {
    const next = item.isFolder ? ctx.store.drive.child(d.driveId, item.id, name) : undefined;
    if (!next) throw new GraphError(404, 'itemNotFound', 'The resource could not be found.');
    item = next;
  }
  return item;
};

const itemBody = (ctx: RouteContext, d: DriveContext, item: DriveItemRecord): Record<string, unknown> =>
  driveItemJson(d.site, d.list, item, ctx.store.drive.pathOf(d.driveId, item.id), item.isFolder ? ctx.store.drive.childCount(d.driveId, item.id) : 0, ctx.links.filesWebBase);

const getItem = (ctx: RouteContext): ReturnType<Route['handle']> => {
  const d = driveOf(ctx);
  const item = addressedItem(ctx, d);
  if (ctx.params.rest === '/content') {
    if (item.isFolder) throw new GraphError(400, 'invalidRequest', 'A folder has no content.');
    const format = ctx.req.query.get('format');
    if (format !== null) return convertedContent(ctx, d, item, format);
    return { status: 200, headers: { 'content-type': item.mimeType ?? 'application/octet-stream' }, body: ctx.store.drive.content(d.driveId, item.id) ?? Buffer.alloc(0) };
  }
  if (ctx.params.rest === '/children') {
    if (!item.isFolder) throw new GraphError(400, 'invalidRequest', 'Only folders have children.');
    return pagedCollection(ctx, {
      context: `${ctx.baseUrl}/$metadata#drives('${d.driveId}')/items('${item.id}')/children`,
      keyset: false,
      top: Math.min(ctx.options.top ?? 200, 1000),
      fetch: (position, limit) => ctx.store.drive
        .children(d.driveId, item.id, position.offset ?? 0, limit)
        .map((child, i) => ({ key: i, body: applySelect(itemBody(ctx, d, child), ctx.options.select) })),
    });
  }
  return json(200, { '@odata.context': `${ctx.baseUrl}/$metadata#drives('${d.driveId}')/items/$entity`, ...applySelect(itemBody(ctx, d, item), ctx.options.select) });
};

/**
 * `content?format=pdf`: as Graph, 302 to a short-lived pre-authenticated URL of the converted file. The
 * document's text is read here (so that a file that cannot be converted answers 400 now); the PDF is
 * drawn when the URL is fetched.
 */
const convertedContent = (ctx: RouteContext, d: DriveContext, item: DriveItemRecord, format: string): ReturnType<Route['handle']> => {
  if (format.toLowerCase() !== 'pdf') throw new GraphError(400, 'notSupported', `Conversion to '${format}' is not supported by the Graph emulator: only format=pdf.`);
  const source = convertibleSource(item.name, ctx.store.drive.content(d.driveId, item.id) ?? Buffer.alloc(0));
  if (source.kind === 'unsupported') throw new GraphError(400, 'notSupported', `'${item.name}' cannot be converted to PDF. ${source.reason}`);
  const token = ctx.links.mint(item.name, source, ctx.clock.now());
  const origin = new URL(ctx.baseUrl).origin;
  return { status: 302, headers: { location: `${origin}${downloadPath}?tempauth=${encodeURIComponent(token)}` } };
};

const createFolder = (ctx: RouteContext): ReturnType<Route['handle']> => {
  if (ctx.params.rest !== '/children') throw new GraphError(405, 'invalidRequest', 'POST is only supported on a folder\'s children.');
  const d = driveOf(ctx);
  const body = bodyOf(ctx, (b) => createChildSchema.safeParse(b));
  if (!body.folder || body.file !== undefined) {
    throw new GraphError(400, 'invalidRequest', 'The Graph emulator creates folders through children (give "folder": {}); upload files with PUT …/content.');
  }
  checkName(body.name);
  const behavior = body['@microsoft.graph.conflictBehavior'] ?? conflictBehaviorOf(ctx.req.query.get('@microsoft.graph.conflictBehavior'), 'fail');
  const created = ctx.store.transaction(() => {
    const parent = addressedItem(ctx, d);
    if (!parent.isFolder) throw new GraphError(400, 'invalidRequest', 'The parent is not a folder.');
    const now = ctx.clock.now();
    const existing = ctx.store.drive.child(d.driveId, parent.id, body.name);
    let name = body.name;
    if (existing) {
      if (behavior === 'fail') throw nameExists();
      if (behavior === 'rename') name = freeName(ctx.store, d.driveId, parent.id, body.name);
      else ctx.store.drive.delete(d.driveId, existing.id);
    }
    return ctx.store.drive.createFolder(d.driveId, parent.id, name, now);
  });
  return json(201, { '@odata.context': `${ctx.baseUrl}/$metadata#drives('${d.driveId}')/items/$entity`, ...itemBody(ctx, d, created) });
};

const upload = (ctx: RouteContext): ReturnType<Route['handle']> => {
  const d = driveOf(ctx);
  const content = ctx.req.rawBody ?? Buffer.alloc(0);
  if (content.length > ctx.fidelity.maxSimpleUploadBytes) {
    throw new GraphError(413, 'requestTooLarge',
      `A simple upload takes at most ${ctx.fidelity.maxSimpleUploadBytes} bytes; upload larger files through an upload session (createUploadSession).`);
  }
  const behavior = conflictBehaviorOf(ctx.req.query.get('@microsoft.graph.conflictBehavior'), 'replace');
  const { item, created } = ctx.store.transaction(() => {
    const now = ctx.clock.now();
    const names = relativeNames(ctx);
    if (ctx.params.rest !== '/content') throw new GraphError(405, 'invalidRequest', 'PUT is only supported on …/content.');
    if (names.length === 0) {
      const target = baseItem(ctx, d);
      if (target.isFolder) throw new GraphError(400, 'invalidRequest', 'Cannot upload content to a folder.');
      return { item: ctx.store.drive.replaceContent(d.driveId, target.id, content, target.mimeType ?? mimeTypeFor(target.name), now), created: false };
    }
    // Missing folders on the way are created, as a path upload does in SharePoint.
    let parent = baseItem(ctx, d);
    for (const folder of names.slice(0, -1)) {
      checkName(folder);
      const next = ctx.store.drive.child(d.driveId, parent.id, folder) ?? ctx.store.drive.createFolder(d.driveId, parent.id, folder, now);
      if (!next.isFolder) throw new GraphError(409, 'nameAlreadyExists', `'${folder}' is a file, not a folder.`);
      parent = next;
    }
    return fileInto(ctx.store, d.driveId, parent, names[names.length - 1] as string, content, behavior, now);
  });
  return json(created ? 201 : 200, { '@odata.context': `${ctx.baseUrl}/$metadata#drives('${d.driveId}')/items/$entity`, ...itemBody(ctx, d, item) });
};

const uploadSessionBody = z.looseObject({
  item: z.looseObject({
    '@microsoft.graph.conflictBehavior': z.enum(conflictBehaviors).optional(),
    name: z.string().optional(),
    fileSize: z.number().int().nonnegative().optional(),
  }).optional(),
  deferCommit: z.boolean().optional(),
});

/**
 * `POST …/items/{parent}:/{name}:/createUploadSession`: a pre-authenticated URL (no bearer token) the file
 * is then PUT to in byte ranges (see routes/uploads.ts). A name taken under `fail` is refused now, and
 * again when the last fragment lands.
 */
const createUploadSession = (ctx: RouteContext): ReturnType<Route['handle']> => {
  const d = driveOf(ctx);
  const body = ctx.req.body === undefined || ctx.req.body === null ? {} : bodyOf(ctx, (b) => uploadSessionBody.safeParse(b));
  if (body.deferCommit) throw new GraphError(400, 'notSupported', 'The Graph emulator does not support deferCommit.');
  const names = relativeNames(ctx);
  const fileName = names[names.length - 1];
  if (!fileName) throw new GraphError(400, 'invalidRequest', 'Name the file: …/items/{parent}:/{name}:/createUploadSession.');
  checkName(fileName);
  const behavior = body.item?.['@microsoft.graph.conflictBehavior'] ?? conflictBehaviorOf(ctx.req.query.get('@microsoft.graph.conflictBehavior'), 'replace');
  let parent = baseItem(ctx, d);
  for (const folder of names.slice(0, -1)) {
    const next = ctx.store.drive.child(d.driveId, parent.id, folder);
    if (!next?.isFolder) throw new GraphError(404, 'itemNotFound', 'The resource could not be found.');
    parent = next;
  }
  if (!parent.isFolder) throw new GraphError(400, 'invalidRequest', 'The parent is not a folder.');
  if (behavior === 'fail' && ctx.store.drive.child(d.driveId, parent.id, fileName)) throw nameExists();
  const now = ctx.clock.now();
  const size = body.item?.fileSize;
  const { token, expires } = ctx.links.uploads.start({ driveId: d.driveId, parentId: parent.id, fileName, behavior, ...(size === undefined ? {} : { size }) }, now);
  const origin = new URL(ctx.baseUrl).origin;
  return json(200, {
    '@odata.context': `${ctx.baseUrl}/$metadata#microsoft.graph.uploadSession`,
    uploadUrl: `${origin}${uploadSessionPath}?tempauth=${encodeURIComponent(token)}`,
    expirationDateTime: expires.toISOString(),
    nextExpectedRanges: ['0-'],
  });
};

const deleteItem = (ctx: RouteContext): ReturnType<Route['handle']> => {
  if (ctx.params.rest) throw new GraphError(405, 'invalidRequest', 'DELETE is supported on items only.');
  const d = driveOf(ctx);
  ctx.store.transaction(() => {
    const item = addressedItem(ctx, d);
    if (item.parentId === null) throw new GraphError(403, 'accessDenied', 'The root folder cannot be deleted.');
    ctx.store.drive.delete(d.driveId, item.id);
  });
  return { status: 204 };
};

export const drivesRoutes: Route[] = [
  route('GET', /^\/sites\/(?<site>[^/]+)\/drives$/, ['$select'], (ctx) => {
    const site = siteOf(ctx);
    const libraries = ctx.store.lists.bySite(site.id).filter((l) => l.driveId);
    return json(200, {
      '@odata.context': `${ctx.baseUrl}/$metadata#drives`,
      value: libraries.map((l) => applySelect(driveJson(site, l), ctx.options.select)),
    });
  }),
  route('GET', /^\/sites\/(?<site>[^/]+)\/drive$/, ['$select'], (ctx) => {
    const site = siteOf(ctx);
    const documents = ctx.store.lists.byRef(site.id, 'Shared Documents');
    if (!documents) throw notFound('Drive');
    return json(200, { '@odata.context': `${ctx.baseUrl}/$metadata#drives/$entity`, ...applySelect(driveJson(site, documents), ctx.options.select) });
  }),
  route('GET', /^\/sites\/(?<site>[^/]+)\/lists\/(?<list>[^/]+)\/drive$/, ['$select'], (ctx) => {
    const { site, list } = listOf(ctx);
    if (!list.driveId) throw new GraphError(404, 'itemNotFound', `List '${list.displayName}' is not a document library and has no drive.`);
    return json(200, { '@odata.context': `${ctx.baseUrl}/$metadata#drives/$entity`, ...applySelect(driveJson(site, list), ctx.options.select) });
  }),
  route('GET', /^\/drives\/(?<drive>[^/]+)$/, ['$select'], (ctx) => {
    const d = driveOf(ctx);
    return json(200, { '@odata.context': `${ctx.baseUrl}/$metadata#drives/$entity`, ...applySelect(driveJson(d.site, d.list), ctx.options.select) });
  }),
  route('GET', pattern, ['$select', '$top', '$skiptoken'], getItem),
  route('POST', /^\/drives\/(?<drive>[^/]+)\/(?:root|items\/(?<base>[^/:]+)):\/(?<rel>[^:]+):\/createUploadSession$/, [], createUploadSession),
  route('POST', pattern, [], createFolder),
  route('PUT', pattern, [], upload),
  route('DELETE', pattern, [], deleteItem),
];
