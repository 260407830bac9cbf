import type { MailMessage, Mailer } from '../../../workflow';

/** Mail in memory: every message sent, copied, in the order sent. */
export class MemoryMailer implements Mailer {
  readonly outbox: MailMessage[] = [];

  async send(message: MailMessage): Promise<void> {
    await Promise.resolve();
    // Graph's sendMail refuses a message with no recipient.
    if (message.to.length === 0) throw new Error('Mail: a message needs at least one recipient');
    this.outbox.push(structuredClone(message));
  }
}
