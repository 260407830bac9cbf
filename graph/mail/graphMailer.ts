import { randomUUID } from 'node:crypto';
import { RetryHandlerOptions, type Client } from '@microsoft/microsoft-graph-client';
import { MailInProgress, MailTooLarge, NotAttempted, VersionConflict, type Mailer, type MailMessage, type Versioned } from '../../workflow';
import { batchedWrites, currentWriteOrder } from '../client/writeOrder';
import { graphStatus } from '../sharepoint/graphErrors';
import { foundInSentItems, MAIL_KEY_HEADER } from './sentItems';
import type { SentMailEntry, SentMailLog } from './sentMail';

export interface MailerTiming {
  now(): Date;
  /** How long a key stays with the request that claimed it before another may take it over. */
  leaseMs: number;
  /** After an answer that leaves it unknown whether the mail went: how often, and how far apart, to look in Sent Items. */
  confirmChecks: number;
  confirmDelayMs: number;
  /** Deliveries tried in one call before giving up (the key stays claimed; a later repeat carries on). */
  maxSends: number;
}

/** `sendMail` takes inline attachments up to 3 MB each; larger ones need a draft and an upload session (Mail.ReadWrite). */
export const MAX_INLINE_ATTACHMENT_BYTES = 3 * 1024 * 1024;
/** The whole `sendMail` request (base64 adds about a third to each attachment) stays under 4 MB. */
export const MAX_SEND_MAIL_REQUEST_BYTES = 4 * 1024 * 1024;

export const defaultMailerTiming: MailerTiming = { now: () => new Date(), leaseMs: 2 * 60_000, confirmChecks: 3, confirmDelayMs: 2_000, maxSends: 3 };

/**
 * Outlook mail from the service's mailbox (`users/{sender}/sendMail`), once per idempotency key.
 *
 * When all goes well a mail is one `$batch`: the claim (a create that the key's unique column
 * lets through once), `sendMail` depending on it (so it is not made when the key was already
 * claimed), and a "sent" entry under `${key}#sent` depending on `sendMail` (made only once Exchange
 * accepted the message). The mark is a create, not a patch of the claim, because a patch needs
 * the claim's id, which the server assigns. A key is sent when its claim says "sent" or its
 * "#sent" entry exists. Inside a unit of work the mail's parts travel in the unit's `$batch`,
 * and a write ordered after the mail waits on `sendMail` itself.
 *
 * `sendMail` has no idempotency of its own, and a 503 (or a lost connection) after Exchange
 * accepted the message looks exactly like one before it: a blind retry mails the school twice.
 * So each key is recorded in the SentMail list before sending (status "sending", with a claim
 * token) and marked "sent" after. `sendMail` itself is retried only on 429 (throttled requests are
 * refused before they are served). When the outcome is unknown (5xx, a network error, or a
 * "sending" entry left by a request that stopped: a crash, a restart), the mailbox's Sent Items
 * decide: found there, the key is marked sent and nothing is sent again; not found after a few
 * looks, it is sent again. A "sending" entry younger than the lease belongs to a request that may
 * still be sending, so a concurrent repeat throws MailInProgress rather than guess.
 *
 * Why Sent Items and not only the list: the list alone cannot tell "sent, then the mark failed"
 * from "never sent"; choosing "never resend" would lose the school's report after a 503 that came
 * before Exchange took the message, and "always resend" is the defect this fixes. Each message also
 * carries the key in an `X-Outreach-Mail-Key` header, matched wherever Graph returns the headers.
 */
export class GraphMailer implements Mailer {
  constructor(
    private readonly client: Client,
    private readonly senderId: string,
    private readonly log: SentMailLog,
    private readonly timing: MailerTiming = defaultMailerTiming,
  ) {}

  async send(message: MailMessage, idempotencyKey: string): Promise<void> {
    // Before the key is claimed: a message that can never go must not leave a "sending" claim behind.
    checkSize(message, idempotencyKey);
    const token = randomUUID();
    const claimedAt = this.timing.now().toISOString();
    const entry = { status: 'sending' as const, subject: message.subject, to: message.to, claimToken: token, claimedAt, attempts: 1 };
    const order = currentWriteOrder();
    const unit = order?.unit ?? `mail:${idempotencyKey}`;
    const name = order?.name ?? 'mail';
    const claimName = `${name}#claim`;
    // Started together: one $batch, each part made only when the one before it succeeded.
    const [claimed, posted, marked] = await Promise.allSettled([
      batchedWrites.carry({ unit, name: claimName, after: order?.after ?? [] }, () => this.log.create(entry, idempotencyKey)),
      batchedWrites.carry({ unit, name, after: [claimName] }, () => this.post(message, idempotencyKey)),
      batchedWrites.carry({ unit, name: `${name}#sent`, after: [name] }, () =>
        this.log.create({ ...entry, status: 'sent', sentAt: claimedAt }, sentKey(idempotencyKey)),
      ),
    ]);
    if (claimed.status === 'rejected') throw claimed.reason;
    const held = await this.claim(message, idempotencyKey, token, claimed.value.item, claimedAt);
    if (!held) return;
    if (posted.status === 'fulfilled' && marked.status === 'fulfilled') return;
    if (posted.status === 'rejected') {
      // Not made (the claim itself answered only on a retry): send now. Otherwise its outcome decides.
      const first = graphStatus(posted.reason) === 424 ? undefined : posted.reason;
      await this.deliver(message, idempotencyKey, held, first);
    }
    await this.settle(idempotencyKey, 'sent', held);
  }

  /**
   * The key's entry once this request holds it; undefined when the mail has already gone.
   * `item` is what the claim's create answered: ours, or the entry an earlier request made.
   */
  private async claim(message: MailMessage, key: string, token: string, item: Versioned<SentMailEntry>, claimedAt: string): Promise<Versioned<SentMailEntry> | undefined> {
    // Our own create, even when it committed and answered 503 and the retry found it.
    if (item.claimToken === token) return item;
    if (item.status === 'sent') return undefined;
    if (item.status === 'sending') {
      if (await this.log.findByKey(sentKey(key))) return undefined;
      if (await foundInSentItems(this.client, this.senderId, message, key, new Date(item.claimedAt))) {
        await this.settle(key, 'sent', item);
        return undefined;
      }
      if (this.timing.now().getTime() - Date.parse(item.claimedAt) < this.timing.leaseMs) throw new MailInProgress(key);
    }
    try {
      return await this.log.update(item.id, { status: 'sending', claimToken: token, claimedAt, attempts: item.attempts + 1 }, item.etag);
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      // Our takeover may have committed before a 503; otherwise another request took it first.
      const now = await this.log.findByKey(key);
      if (now?.claimToken === token) return now;
      if (now?.status === 'sent') return undefined;
      throw new MailInProgress(key);
    }
  }

  /** Sends until Exchange has it; `failed`: how a send already tried (in the claim's batch) ended. */
  private async deliver(message: MailMessage, key: string, held: Versioned<SentMailEntry>, failed?: unknown): Promise<void> {
    const since = new Date(held.claimedAt);
    let lastError = failed;
    for (let attempt = failed === undefined ? 1 : 2; ; attempt += 1) {
      if (lastError !== undefined) {
        if (!outcomeUnknown(lastError)) {
          await this.settle(key, 'failed', held);
          throw lastError;
        }
        if (await this.confirm(message, key, since)) return;
        if (attempt > this.timing.maxSends) throw lastError;
      }
      try {
        await this.post(message, key);
        return;
      } catch (error) {
        lastError = error;
      }
    }
  }

  /** Looks in Sent Items a few times: Exchange files a sent message shortly after accepting it. */
  private async confirm(message: MailMessage, key: string, since: Date): Promise<boolean> {
    for (let check = 1; check <= this.timing.confirmChecks; check += 1) {
      if (check > 1) await new Promise((resolve) => setTimeout(resolve, this.timing.confirmDelayMs));
      if (await foundInSentItems(this.client, this.senderId, message, key, since)) return true;
    }
    return false;
  }

  /**
   * Marks the key sent (or failed), first with the entry as this request last saw it (no read);
   * a 412 from our own retried write, or a concurrent mark, is read again.
   */
  private async settle(key: string, status: 'sent' | 'failed', known: Versioned<SentMailEntry>): Promise<void> {
    let current: Versioned<SentMailEntry> | undefined = known;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (attempt > 0) current = await this.log.findByKey(key);
      if (!current || current.status === status || current.status === 'sent') return;
      try {
        await this.log.update(current.id, { status, ...(status === 'sent' ? { sentAt: this.timing.now().toISOString() } : {}) }, current.etag);
        return;
      } catch (error) {
        if (!(error instanceof VersionConflict) && !(error instanceof NotAttempted)) throw error;
      }
    }
  }

  private async post(message: MailMessage, key: string): Promise<void> {
    await this.client
      .api(`/users/${encodeURIComponent(this.senderId)}/sendMail`)
      .middlewareOptions([new RetryHandlerOptions(1, 10, (_delay, _attempt, _request, _options, response) => response.status === 429)])
      .post(sendMailBody(message, key));
  }
}

/** The `sendMail` request: HTML body, recipients, the key header, attachments as base64 fileAttachments. */
function sendMailBody(message: MailMessage, key: string): Record<string, unknown> {
  const recipients = (addresses: string[] = []) => addresses.map((address) => ({ emailAddress: { address } }));
  return {
    message: {
      subject: message.subject,
      body: { contentType: 'HTML', content: message.html },
      toRecipients: recipients(message.to),
      ...(message.cc?.length ? { ccRecipients: recipients(message.cc) } : {}),
      internetMessageHeaders: [{ name: MAIL_KEY_HEADER, value: key }],
      ...(message.attachments?.length
        ? {
            attachments: message.attachments.map((a) => ({
              '@odata.type': '#microsoft.graph.fileAttachment',
              name: a.name,
              contentType: a.contentType,
              contentBytes: Buffer.from(a.content).toString('base64'),
            })),
          }
        : {}),
    },
    saveToSentItems: true,
  };
}

/** Throws MailTooLarge for an attachment over the inline limit, or a request over Graph's 4 MB. */
function checkSize(message: MailMessage, key: string): void {
  const attachments = message.attachments ?? [];
  const tooLarge = attachments.find((a) => a.content.byteLength > MAX_INLINE_ATTACHMENT_BYTES);
  if (tooLarge) throw new MailTooLarge(tooLarge.name, tooLarge.content.byteLength, MAX_INLINE_ATTACHMENT_BYTES);
  if (attachments.length === 0) return;
  const requestBytes = Buffer.byteLength(JSON.stringify(sendMailBody(message, key)));
  if (requestBytes > MAX_SEND_MAIL_REQUEST_BYTES) throw new MailTooLarge(undefined, requestBytes, MAX_SEND_MAIL_REQUEST_BYTES);
}

/** A 5xx, a timeout or a lost connection: Exchange may or may not have taken the message. A 4xx says it did not. */
function outcomeUnknown(error: unknown): boolean {
  const status = graphStatus(error);
  return status === undefined || status === -1 || status === 0 || status === 408 || status >= 500;
}

/** The key of the entry saying a key's mail was accepted by Exchange. */
const sentKey = (key: string): string => `${key}#sent`;
