import { z } from 'zod';
import { GraphError, notFound } from '../http/graphError';
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

/** Like Graph, a message's internet headers are returned only when $select names them. */
const shown = (ctx: RouteContext, message: Record<string, unknown>): Record<string, unknown> => {
  if (ctx.options.select) return applySelect(message, ctx.options.select);
  const { internetMessageHeaders: _headers, ...rest } = message;
  return rest;
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
      .map((m, i) => ({ key: i, body: shown(ctx, messageJson(m, folder)) })),
  });
};

export const mailRoutes: Route[] = [
  route('POST', /^\/users\/(?<user>[^/]+)\/sendMail$/, [], (ctx) => {
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
  route('GET', /^\/users\/(?<user>[^/]+)\/(?:messages|mailFolders\/inbox\/messages)$/i, ['$select', '$top', '$skiptoken'], (ctx) => listMessages(ctx, 'inbox')),
  route('GET', /^\/users\/(?<user>[^/]+)\/mailFolders\/sentitems\/messages$/i, ['$select', '$top', '$skiptoken'], (ctx) => listMessages(ctx, 'sentitems')),
  route('GET', /^\/users\/(?<user>[^/]+)\/messages\/(?<message>[^/]+)$/, ['$select'], (ctx) => {
    const mailbox = mailboxOf(ctx, param(ctx, 'user'));
    const id = param(ctx, 'message');
    const inbox = ctx.store.mail.receivedBy([mailbox.address]).find((m) => m.id === id);
    const sent = ctx.store.mail.sentBy([mailbox.address]).find((m) => m.id === id);
    const found = inbox ?? sent;
    if (!found) throw notFound('Message');
    return json(200, shown(ctx, messageJson(found, inbox ? 'inbox' : 'sentitems')));
  }),
];
