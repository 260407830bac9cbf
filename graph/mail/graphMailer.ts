import type { Client } from '@microsoft/microsoft-graph-client';
import type { Mailer, MailMessage } from '../../workflow';

/** Outlook mail from the service's mailbox (`users/{sender}/sendMail`). */
export class GraphMailer implements Mailer {
  constructor(
    private readonly client: Client,
    private readonly senderId: string,
  ) {}

  async send(message: MailMessage): Promise<void> {
    const recipients = (addresses: string[] = []) => addresses.map((address) => ({ emailAddress: { address } }));
    await this.client.api(`/users/${encodeURIComponent(this.senderId)}/sendMail`).post({
      message: {
        subject: message.subject,
        body: { contentType: 'HTML', content: message.html },
        toRecipients: recipients(message.to),
        ...(message.cc?.length ? { ccRecipients: recipients(message.cc) } : {}),
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
