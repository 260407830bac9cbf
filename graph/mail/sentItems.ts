import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { MailMessage } from '../../workflow';

/** The header each message carries with its idempotency key (read back where Graph returns headers). */
export const MAIL_KEY_HEADER = 'X-Outreach-Mail-Key';

const Page = z.object({
  value: z.array(
    z.object({
      subject: z.string().nullish(),
      sentDateTime: z.string().nullish(),
      toRecipients: z.array(z.object({ emailAddress: z.object({ address: z.string() }) })).nullish(),
      internetMessageHeaders: z.array(z.object({ name: z.string(), value: z.string() })).nullish(),
    }),
  ),
  '@odata.nextLink': z.string().optional(),
});
type Sent = z.infer<typeof Page>['value'][number];

/** Allowed difference between this process's clock and the mailbox's. */
const CLOCK_SKEW_MS = 5 * 60_000;
const PAGE_SIZE = 50;
const MAX_PAGES = 10;

/**
 * Whether the mailbox's Sent Items hold this message, sent since `since`: same subject and the
 * same To addresses, and, where Graph returns the message's headers, the same key header.
 * Sent Items come newest first, so the search stops at the first message older than `since`.
 */
export async function foundInSentItems(client: Client, senderId: string, message: MailMessage, key: string, since: Date): Promise<boolean> {
  const earliest = since.getTime() - CLOCK_SKEW_MS;
  const to = addressSet(message.to);
  let page = Page.parse(
    await client
      .api(`/users/${encodeURIComponent(senderId)}/mailFolders/sentitems/messages`)
      .select('subject,sentDateTime,toRecipients,internetMessageHeaders')
      .top(PAGE_SIZE)
      .get(),
  );
  for (let pages = 1; ; pages += 1) {
    for (const sent of page.value) {
      if (sent.sentDateTime && Date.parse(sent.sentDateTime) < earliest) return false;
      if (isSameMail(sent, message.subject, to, key)) return true;
    }
    const next = page['@odata.nextLink'];
    if (!next || pages >= MAX_PAGES) return false;
    page = Page.parse(await client.api(next).get());
  }
}

function isSameMail(sent: Sent, subject: string, to: string, key: string): boolean {
  if (sent.subject !== subject) return false;
  if (addressSet((sent.toRecipients ?? []).map((r) => r.emailAddress.address)) !== to) return false;
  const header = sent.internetMessageHeaders?.find((h) => h.name.toLowerCase() === MAIL_KEY_HEADER.toLowerCase());
  return header === undefined || header.value === key;
}

const addressSet = (addresses: string[]): string => [...new Set(addresses.map((a) => a.trim().toLowerCase()))].sort().join(';');
