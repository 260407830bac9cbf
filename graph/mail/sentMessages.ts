import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { graphStatus } from '../sharepoint/graphErrors';

const Address = z.object({ emailAddress: z.object({ address: z.string().optional(), name: z.string().optional() }) });
const AttachmentInfo = z.object({ id: z.string(), name: z.string(), size: z.number().optional(), contentType: z.string().nullish() });
const Page = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      subject: z.string().nullish(),
      sentDateTime: z.string().nullish(),
      from: Address.nullish(),
      toRecipients: z.array(Address).nullish(),
      ccRecipients: z.array(Address).nullish(),
      attachments: z.array(AttachmentInfo).nullish(),
    }),
  ),
  '@odata.nextLink': z.string().optional(),
});
const FileAttachment = z.object({ name: z.string(), contentType: z.string().nullish(), contentBytes: z.string() });

export interface SentAttachmentInfo {
  id: string;
  name: string;
  size: number;
  contentType: string;
}
export interface SentMessage {
  id: string;
  subject: string;
  /** ISO instant; undefined when Graph gives none. */
  sentAt?: string;
  from: string;
  to: string[];
  cc: string[];
  attachments: SentAttachmentInfo[];
}

const PAGE_SIZE = 50;

const addressOf = (a: z.infer<typeof Address>): string => {
  const { address, name } = a.emailAddress;
  return name && address && name.toLowerCase() !== address.toLowerCase() ? `${name} <${address}>` : (address ?? name ?? '');
};

/**
 * What a mailbox sent, as its Sent Items folder holds it (the local mailbox page): each message with its
 * attachments' names and sizes (not their bytes), every page followed; an attachment's bytes on their own.
 */
export class SentMessages {
  constructor(
    private readonly client: Client,
    private readonly mailboxId: string,
  ) {}

  private get mailbox(): string {
    return `/users/${encodeURIComponent(this.mailboxId)}`;
  }

  /** Newest first; at most `limit` messages, `more` when Sent Items holds more. */
  async newest(limit: number): Promise<{ messages: SentMessage[]; more: boolean }> {
    const messages: SentMessage[] = [];
    let page = Page.parse(
      await this.client
        .api(`${this.mailbox}/mailFolders/sentitems/messages`)
        .select('id,subject,sentDateTime,from,toRecipients,ccRecipients')
        .expand('attachments($select=id,name,size,contentType)')
        .top(Math.min(PAGE_SIZE, limit))
        .get(),
    );
    for (;;) {
      messages.push(
        ...page.value.map((m) => ({
          id: m.id,
          subject: m.subject ?? '',
          ...(m.sentDateTime ? { sentAt: m.sentDateTime } : {}),
          from: m.from ? addressOf(m.from) : '',
          to: (m.toRecipients ?? []).map(addressOf),
          cc: (m.ccRecipients ?? []).map(addressOf),
          attachments: (m.attachments ?? []).map((a) => ({ id: a.id, name: a.name, size: a.size ?? 0, contentType: a.contentType ?? 'application/octet-stream' })),
        })),
      );
      const next = page['@odata.nextLink'];
      if (!next || messages.length >= limit) {
        const sorted = messages.sort((a, b) => (b.sentAt ?? '').localeCompare(a.sentAt ?? ''));
        return { messages: sorted.slice(0, limit), more: next !== undefined || messages.length > limit };
      }
      page = Page.parse(await this.client.api(next).get());
    }
  }

  /** One attachment's name, type and bytes; undefined when the message or the attachment is not there. */
  async attachment(messageId: string, attachmentId: string): Promise<{ name: string; contentType: string; bytes: Uint8Array } | undefined> {
    try {
      const found = FileAttachment.parse(
        await this.client.api(`${this.mailbox}/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}`).get(),
      );
      return { name: found.name, contentType: found.contentType ?? 'application/octet-stream', bytes: new Uint8Array(Buffer.from(found.contentBytes, 'base64')) };
    } catch (error) {
      const status = graphStatus(error);
      if (status === 404 || status === 400) return undefined;
      throw error;
    }
  }
}
