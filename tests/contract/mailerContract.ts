import { MailInProgress, type Mailer, type MailMessage } from '../../workflow';
import { freshCaseReference, freshIdempotencyKey } from './samples/fresh';

export interface MailerUnderTest {
  mailer: Mailer;
  /** How many messages with this subject went out (the embedded Graph's mailbox, or the memory outbox). */
  sent(subject: string): Promise<number>;
}

const letter = (): MailMessage => ({
  to: ['senco@school.example.org'],
  cc: ['head@school.example.org'],
  subject: `Outreach Service: case ${freshCaseReference()} closed`,
  html: '<p>Outreach case closed.</p>',
});

/** The contract of the Mailer port: once per idempotency key (memory, and Outlook mail through Graph). */
export function describeMailerContract(name: string, make: () => Promise<MailerUnderTest>): void {
  describe(`${name}: Mailer contract`, () => {
    let subject: MailerUnderTest;
    beforeEach(async () => {
      subject = await make();
    });

    it('sends a message once', async () => {
      const message = letter();
      await subject.mailer.send(message, freshIdempotencyKey());
      expect(await subject.sent(message.subject)).toBe(1);
    });

    it('Mail can go twice: a repeat with the same key sends nothing more, even with other content', async () => {
      const message = letter();
      const key = freshIdempotencyKey();
      await subject.mailer.send(message, key);
      await subject.mailer.send(message, key);
      await subject.mailer.send({ ...message, html: '<p>Changed.</p>' }, key);
      expect(await subject.sent(message.subject)).toBe(1);
    });

    it('the same message with another key is another mail', async () => {
      const message = letter();
      await subject.mailer.send(message, freshIdempotencyKey());
      await subject.mailer.send(message, freshIdempotencyKey());
      expect(await subject.sent(message.subject)).toBe(2);
    });

    it('Mail can go twice: repeats at the same moment send it once; each either returns or says the mail is in progress', async () => {
      const message = letter();
      const key = freshIdempotencyKey();
      const outcomes = await Promise.allSettled([1, 2, 3].map(() => subject.mailer.send(message, key)));
      expect(outcomes.some((o) => o.status === 'fulfilled')).toBe(true);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(MailInProgress);
      expect(await subject.sent(message.subject)).toBe(1);
    });

    it('refuses a message with no recipient, and sending it later under the same key still works', async () => {
      const message = letter();
      const key = freshIdempotencyKey();
      await expect(subject.mailer.send({ ...message, to: [], cc: [] }, key)).rejects.toThrow();
      await subject.mailer.send(message, key);
      expect(await subject.sent(message.subject)).toBe(1);
    });
  });
}
