import type { MailMessage, Mailer } from '../../../workflow';

/** Mail in memory: every message sent, copied, in the order sent; once per idempotency key. */
export class MemoryMailer implements Mailer {
  readonly outbox: MailMessage[] = [];
  private readonly sentKeys = new Set<string>();

  async send(message: MailMessage, idempotencyKey: string): Promise<void> {
    // Graph's sendMail refuses a message with no recipient.
    if (message.to.length === 0) throw new Error('Mail: a message needs at least one recipient');
    if (this.sentKeys.has(idempotencyKey)) return;
    this.sentKeys.add(idempotencyKey);
    await Promise.resolve();
    this.outbox.push(structuredClone(message));
  }
}
