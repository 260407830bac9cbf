import { z } from 'zod';
import { GraphError } from '../http/graphError';
import { json, param, route, type Route, type RouteContext } from '../http/route';
import { applySelect } from '../query/queryOptions';
import type { StoredMessage } from '../store/mailStore';
import { mailboxOf } from './mailbox';
import { pagedCollection } from './paging';
import { bodyOf } from './resolve';

const recipientSchema = z.looseObject({
  emailAddress: z.looseObject({ address: z.email(), name: z.string().optional() }),
});
const attachmentSchema = z.looseObject({
  '@odata.type': z.literal('#microsoft.graph.fileAttachment'),
  name: z.string().min(1),
  contentType: z.string().optional(),
  contentBytes: z.base64(),
});
const sendMailSchema = z.looseObject({
  message: z.looseObject({
    subject: z.string().optional(),
    body: z.looseObject({ contentType: z.enum(['text', 'html', 'Text', 'HTML']).optional(), content: z.string() }).optional(),
    toRecipients: z.array(recipientSchema).optional(),
    ccRecipients: z.array(recipientSchema).optional(),
    bccRecipients: z.array(recipientSchema).optional(),
    replyTo: z.array(recipientSchema).optional(),
    importance: z.enum(['low', 'normal', 'high']).optional(),
    attachments: z.array(attachmentSchema).optional(),
    // Graph takes custom headers whose names begin with X- (at most 5); they come back on the message when $select asks for them.
    internetMessageHeaders: z.array(z.looseObject({ name: z.string().regex(/^x-/i), value: z.string() })).max(5).optional(),
  }),
  saveToSentItems: z.boolean().optional(),
});

const preview = (html: string): string => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 255);

type StoredAttachment = z.infer<typeof attachmentSchema>;
const attachmentsOf = (m: StoredMessage): StoredAttachment[] => ((m.message as { attachments?: StoredAttachment[] }).attachments ?? []);

/** An attachment's id: opaque, stable, unique across messages (as Exchange's). */
const attachmentId = (m: StoredMessage, index: number): string => Buffer.from(`${m.id}/${index}`).toString('base64url');

/** A fileAttachment as Graph returns it (`contentBytes` included, as `GET …/attachments` and `$expand=attachments` give it). */
export const attachmentJson = (m: StoredMessage, a: StoredAttachment, index: number): Record<string, unknown> => ({
  '@odata.type': '#microsoft.graph.fileAttachment',
  id: attachmentId(m, index),
  lastModifiedDateTime: m.sent,
  name: a.name,
  contentType: a.contentType ?? 'application/octet-stream',
  size: Buffer.byteLength(a.contentBytes, 'base64'),
  isInline: false,
  contentId: null,
  contentLocation: null,
  contentBytes: a.contentBytes,
});

/** The stored message as Graph's `message` resource (attachments are listed by name only, without content). */
export const messageJson = (m: StoredMessage, folder: 'inbox' | 'sentitems'): Record<string, unknown> => {
  const msg = m.message as z.infer<typeof sendMailSchema>['message'] & { from: unknown };
  const attachments = msg.attachments ?? [];
  return {
    id: m.id,
    createdDateTime: m.sent,
    lastModifiedDateTime: m.sent,
    receivedDateTime: m.sent,
    sentDateTime: m.sent,
    hasAttachments: attachments.length > 0,
    subject: msg.subject ?? '',
    bodyPreview: preview(msg.body?.content ?? ''),
    importance: msg.importance ?? 'normal',
    isRead: folder === 'sentitems',
    isDraft: false,
    body: { contentType: (msg.body?.contentType ?? 'text').toLowerCase(), content: msg.body?.content ?? '' },
    sender: msg.from,
    from: msg.from,
    toRecipients: msg.toRecipients ?? [],
    ccRecipients: msg.ccRecipients ?? [],
    bccRecipients: folder === 'sentitems' ? msg.bccRecipients ?? [] : [],
    replyTo: msg.replyTo ?? [],
    attachmentNames: attachments.map((a) => a.name),
    internetMessageHeaders: msg.internetMessageHeaders ?? [],
  };
};

/** Like Graph, a message's internet headers are returned only when $select names them; `$expand=attachments` adds them, content included. */
const shown = (ctx: RouteContext, stored: StoredMessage, message: Record<string, unknown>): Record<string, unknown> => {
  const expand = ctx.options.expand;
  const unknown = expand.find((e) => e.name.toLowerCase() !== 'attachments');
  if (unknown) throw new GraphError(400, 'BadRequest', `Could not find a property named '${unknown.name}' on type 'microsoft.graph.message' to expand.`);
  const attachments = expand.length > 0
    ? { attachments: attachmentsOf(stored).map((a, i) => applySelect(attachmentJson(stored, a, i), expand[0]?.select)) }
    : {};
  if (ctx.options.select) return { ...applySelect(message, ctx.options.select), ...attachments };
  const { internetMessageHeaders: _headers, ...rest } = message;
  return { ...rest, ...attachments };
};

/** A message of the mailbox (received or sent), by id; 404 as Graph when not there. */
const messageOf = (ctx: RouteContext): { found: StoredMessage; folder: 'inbox' | 'sentitems' } => {
  const mailbox = mailboxOf(ctx, param(ctx, 'user'));
  const id = param(ctx, 'message');
  const inbox = ctx.store.mail.receivedBy([mailbox.address]).find((m) => m.id === id);
  const sent = ctx.store.mail.sentBy([mailbox.address]).find((m) => m.id === id);
  const found = inbox ?? sent;
  if (!found) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return { found, folder: inbox ? 'inbox' : 'sentitems' };
};

const listMessages = (ctx: RouteContext, folder: 'inbox' | 'sentitems'): ReturnType<Route['handle']> => {
  const mailbox = mailboxOf(ctx, param(ctx, 'user'));
  const messages = folder === 'inbox' ? ctx.store.mail.receivedBy([mailbox.address]) : ctx.store.mail.sentBy([mailbox.address]);
  return pagedCollection(ctx, {
    context: `${ctx.baseUrl}/$metadata#users('${param(ctx, 'user')}')/messages`,
    keyset: false,
    top: Math.min(ctx.options.top ?? 10, 1000),
    fetch: (position, limit) => messages
      .slice(position.offset ?? 0, (position.offset ?? 0) + limit)
      .map((m, i) => ({ key: i, body: shown(ctx, m, messageJson(m, folder)) })),
  });
};

export const mailRoutes: Route[] = [
  route('POST', /^\/users\/(?<user>[^/]+)\/sendMail$/, [], (ctx) => {
    const requestBytes = ctx.req.rawBody?.length ?? 0;
    if (requestBytes > ctx.fidelity.maxSendMailRequestBytes) {
      throw new GraphError(413, 'ErrorRequestEntityTooLarge',
        `The request is ${requestBytes} bytes; sendMail takes at most ${ctx.fidelity.maxSendMailRequestBytes}. Attach large files through an upload session.`);
    }
    const body = bodyOf(ctx, (b) => sendMailSchema.safeParse(b));
    const m = body.message;
    const recipients = [...(m.toRecipients ?? []), ...(m.ccRecipients ?? []), ...(m.bccRecipients ?? [])].map((r) => r.emailAddress.address);
    if (recipients.length === 0) throw new GraphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid., Recipient is missing.');
    const tooLarge = (m.attachments ?? []).find((a) => Buffer.byteLength(a.contentBytes, 'base64') > ctx.fidelity.maxInlineAttachmentBytes);
    if (tooLarge) {
      throw new GraphError(413, 'ErrorRequestEntityTooLarge',
        `Attachment '${tooLarge.name}' is larger than ${ctx.fidelity.maxInlineAttachmentBytes} bytes: attach it through an upload session, not inline in sendMail.`);
    }
    const from = mailboxOf(ctx, param(ctx, 'user'));
    ctx.store.mail.add({
      sender: from.address,
      message: { ...m, from: { emailAddress: { address: from.address, name: from.name } } },
      recipients,
      saveToSentItems: body.saveToSentItems ?? true,
      at: ctx.clock.now(),
    });
    return { status: 202 };
  }),
  route('GET', /^\/users\/(?<user>[^/]+)\/(?:messages|mailFolders\/inbox\/messages)$/i, ['$select', '$expand', '$top', '$skiptoken'], (ctx) => listMessages(ctx, 'inbox')),
  route('GET', /^\/users\/(?<user>[^/]+)\/mailFolders\/sentitems\/messages$/i, ['$select', '$expand', '$top', '$skiptoken'], (ctx) => listMessages(ctx, 'sentitems')),
  route('GET', /^\/users\/(?<user>[^/]+)\/messages\/(?<message>[^/]+)$/, ['$select', '$expand'], (ctx) => {
    const { found, folder } = messageOf(ctx);
    return json(200, shown(ctx, found, messageJson(found, folder)));
  }),
  route('GET', /^\/users\/(?<user>[^/]+)\/messages\/(?<message>[^/]+)\/attachments$/, ['$select'], (ctx) => {
    const { found } = messageOf(ctx);
    return json(200, {
      '@odata.context': `${ctx.baseUrl}/$metadata#users('${param(ctx, 'user')}')/messages('${found.id}')/attachments`,
      value: attachmentsOf(found).map((a, i) => applySelect(attachmentJson(found, a, i), ctx.options.select)),
    });
  }),
  route('GET', /^\/users\/(?<user>[^/]+)\/messages\/(?<message>[^/]+)\/attachments\/(?<attachment>[^/]+)$/, ['$select'], (ctx) => {
    const { found } = messageOf(ctx);
    const wanted = param(ctx, 'attachment');
    const index = attachmentsOf(found).findIndex((_a, i) => attachmentId(found, i) === wanted);
    const attachment = attachmentsOf(found)[index];
    if (!attachment) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return json(200, {
      '@odata.context': `${ctx.baseUrl}/$metadata#users('${param(ctx, 'user')}')/messages('${found.id}')/attachments/$entity`,
      ...applySelect(attachmentJson(found, attachment, index), ctx.options.select),
    });
  }),
];
