import type { Client } from '@microsoft/microsoft-graph-client';
import { defaultMailerTiming, GraphMailer } from '../../graph/mail/graphMailer';
import type { SentMailLog } from '../../graph/mail/sentMail';
import { MailTooLarge, type MailMessage } from '../../workflow';

/** Stands in for Graph and the SentMail list: records that anything was asked of it at all. */
const untouched = <T extends object>(calls: string[], name: string): T =>
  new Proxy({} as T, {
    get: (_target, property) => {
      calls.push(`${name}.${String(property)}`);
      throw new Error(`${name}.${String(property)} should not be reached`);
    },
  });

const megabytes = (n: number): Uint8Array => new Uint8Array(Math.round(n * 1024 * 1024));
const message = (attachments: MailMessage['attachments']): MailMessage => ({
  to: ['head@school.example.org'],
  subject: 'End of outreach report OC-26-AB12C',
  html: '<p>Please find the report attached.</p>',
  attachments,
});

describe('GraphMailer: attachments over sendMail\'s limits', () => {
  const calls: string[] = [];
  const mailer = () => new GraphMailer(untouched<Client>(calls, 'graph'), 'service@outreach.example.org', untouched<SentMailLog>(calls, 'sentMail'), defaultMailerTiming);
  beforeEach(() => {
    calls.length = 0;
  });

  it('refuses an attachment over 3 MB, naming it and its size, before claiming the key', async () => {
    const sent = mailer().send(message([{ name: 'Scanned plan.pdf', contentType: 'application/pdf', content: megabytes(3.2) }]), 'case-1:report');
    await expect(sent).rejects.toBeInstanceOf(MailTooLarge);
    await expect(sent).rejects.toThrow('The attachment "Scanned plan.pdf" is 3.2 MB, over the 3.0 MB an attachment may be');
    expect(calls).toEqual([]);
  });

  it('refuses attachments that, each under 3 MB, make the request over 4 MB once in base64', async () => {
    const sent = mailer().send(message([
      { name: 'One.pdf', contentType: 'application/pdf', content: megabytes(1.6) },
      { name: 'Two.pdf', contentType: 'application/pdf', content: megabytes(1.6) },
    ]), 'case-1:report');
    await expect(sent).rejects.toMatchObject({ name: 'MailTooLarge', attachmentName: undefined, limitBytes: 4 * 1024 * 1024 });
    await expect(sent).rejects.toThrow(/The message with its attachments comes to 4\.\d MB, over the 4\.0 MB/);
    expect(calls).toEqual([]);
  });

  it('lets a message within the limits through to the claim', async () => {
    const sent = mailer().send(message([{ name: 'Report.pdf', contentType: 'application/pdf', content: megabytes(2) }]), 'case-1:report');
    await expect(sent).rejects.toThrow('sentMail.create should not be reached');
  });
});
