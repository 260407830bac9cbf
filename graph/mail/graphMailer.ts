import { randomUUID } from 'node:crypto';
import { RetryHandlerOptions, type Client } from '@microsoft/microsoft-graph-client';
import { MailInProgress, VersionConflict, type Mailer, type MailMessage } from '../../workflow';
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

export const defaultMailerTiming: MailerTiming = { now: () => new Date(), leaseMs: 2 * 60_000, confirmChecks: 3, confirmDelayMs: 2_000, maxSends: 3 };

/**
 * Outlook mail from the service's mailbox (`users/{sender}/sendMail`), once per idempotency key.
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
    const token = randomUUID();
    const held = await this.claim(message, idempotencyKey, token);
    if (!held) return;
    await this.deliver(message, idempotencyKey, new Date(held.claimedAt));
    await this.settle(idempotencyKey, 'sent');
  }

  /** The key's entry once this request holds it; undefined when the mail has already gone. */
  private async claim(message: MailMessage, key: string, token: string): Promise<SentMailEntry | undefined> {
    const claimedAt = this.timing.now().toISOString();
    const { item } = await this.log.create({ status: 'sending', subject: message.subject, to: message.to, claimToken: token, claimedAt, attempts: 1 }, key);
    // Our own create, even when it committed and answered 503 and the retry found it.
    if (item.claimToken === token) return item;
    if (item.status === 'sent') return undefined;
    if (item.status === 'sending') {
      if (await foundInSentItems(this.client, this.senderId, message, key, new Date(item.claimedAt))) {
        await this.settle(key, 'sent');
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

  private async deliver(message: MailMessage, key: string, since: Date): Promise<void> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.timing.maxSends; attempt += 1) {
      try {
        await this.post(message, key);
        return;
      } catch (error) {
        lastError = error;
        if (!outcomeUnknown(error)) {
          await this.settle(key, 'failed');
          throw error;
        }
        if (await this.confirm(message, key, since)) return;
      }
    }
    throw lastError;
  }

  /** Looks in Sent Items a few times: Exchange files a sent message shortly after accepting it. */
  private async confirm(message: MailMessage, key: string, since: Date): Promise<boolean> {
    for (let check = 1; check <= this.timing.confirmChecks; check += 1) {
      if (check > 1) await new Promise((resolve) => setTimeout(resolve, this.timing.confirmDelayMs));
      if (await foundInSentItems(this.client, this.senderId, message, key, since)) return true;
    }
    return false;
  }

  /** Marks the key sent (or failed); a 412 from our own retried write, or a concurrent mark, is read again. */
  private async settle(key: string, status: 'sent' | 'failed'): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const current = await this.log.findByKey(key);
      if (!current || current.status === status || current.status === 'sent') return;
      try {
        await this.log.update(current.id, { status, ...(status === 'sent' ? { sentAt: this.timing.now().toISOString() } : {}) }, current.etag);
        return;
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
      }
    }
  }

  private async post(message: MailMessage, key: string): Promise<void> {
    const recipients = (addresses: string[] = []) => addresses.map((address) => ({ emailAddress: { address } }));
    await this.client
      .api(`/users/${encodeURIComponent(this.senderId)}/sendMail`)
      .middlewareOptions([new RetryHandlerOptions(1, 10, (_delay, _attempt, _request, _options, response) => response.status === 429)])
      .post({
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
      });
  }
}

/** A 5xx, a timeout or a lost connection: Exchange may or may not have taken the message. A 4xx says it did not. */
function outcomeUnknown(error: unknown): boolean {
  const status = graphStatus(error);
  return status === undefined || status === -1 || status === 0 || status === 408 || status >= 500;
}
