import express, { type Router } from 'express';
import { DateTime } from 'luxon';
import type { SentMessage, SentMessages } from '../graph/mail/sentMessages';
import { escapeHtml } from './diaryHtml';
import { contentDisposition, demoPage, problemPage, readableSize } from './demoHtml';

export const mailboxPath = '/demo/mailbox';
/** Messages shown at most (newest first). */
const SHOWN = 500;

export interface MailboxPageDeps {
  sent: Pick<SentMessages, 'newest' | 'attachment'>;
  /** The service mailbox (shown in the heading). */
  mailbox: string;
}

const when = (iso: string | undefined): string =>
  iso ? (DateTime.fromISO(iso, { zone: 'Europe/London' }).toFormat('ccc d LLL yyyy, HH:mm') ?? iso) : '';

const messageRow = (m: SentMessage): string => {
  const attachments = m.attachments.length === 0
    ? '<span class="muted">none</span>'
    : `<ul>${m.attachments.map((a) => `<li><a href="${escapeHtml(`${mailboxPath}/${encodeURIComponent(m.id)}/attachments/${encodeURIComponent(a.id)}`)}">${escapeHtml(a.name)}</a> <span class="muted">${escapeHtml(readableSize(a.size))}</span></li>`).join('')}</ul>`;
  return `<tr><td>${escapeHtml(when(m.sentAt))}</td><td>${escapeHtml(m.from)}</td><td>${escapeHtml(m.to.join(', '))}</td><td>${escapeHtml(m.cc.join(', '))}</td><td>${escapeHtml(m.subject || '(no subject)')}</td><td>${attachments}</td></tr>`;
};

/**
 * `GET /demo/mailbox`: every message the service mailbox sent (its Sent Items in the embedded Graph),
 * newest first, with each attachment to download (`/demo/mailbox/:messageId/attachments/:attachmentId`).
 * Embedded Graph only, this machine only (app/server.ts).
 */
export function mailboxPage(deps: MailboxPageDeps): Router {
  const router = express.Router();
  router.get('/', async (_req, res, next) => {
    try {
      const { messages, more } = await deps.sent.newest(SHOWN);
      const table = messages.length === 0
        ? '<p class="muted">Nothing has been sent yet.</p>'
        : `<table><thead><tr><th>Sent (UK time)</th><th>From</th><th>To</th><th>Cc</th><th>Subject</th><th>Attachments</th></tr></thead><tbody>${messages.map(messageRow).join('')}</tbody></table>`;
      const note = more ? `<p class="muted">The newest ${SHOWN} are shown.</p>` : '';
      res.type('html').send(demoPage(`Sent by ${deps.mailbox}`, `<h1>Sent by ${escapeHtml(deps.mailbox)}</h1>${note}${table}`));
    } catch (error) {
      next(error);
    }
  });
  router.get('/:messageId/attachments/:attachmentId', async (req, res, next) => {
    try {
      const found = await deps.sent.attachment(req.params.messageId, req.params.attachmentId);
      if (!found) {
        res.status(404).type('html').send(problemPage('No such attachment', 'The service mailbox has no such message or attachment.'));
        return;
      }
      res.setHeader('Content-Type', found.contentType);
      res.setHeader('Content-Disposition', contentDisposition('attachment', found.name));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.send(Buffer.from(found.bytes));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
