import { GraphMailer, defaultMailerTiming } from '../../graph/mail/graphMailer';
import { SentMailEntry } from '../../graph/mail/sentMail';
import { lists } from '../../graph/sharepoint/listDefinitions';
import { SharePointListStore } from '../../graph/sharepoint/listStore';
import { graphError, json, ReplayGraph } from './support/replayGraph';

// sendMail (202, no body) in the mailer's $batch: the SentMail claim, sendMail depending on it, the "sent" entry depending on sendMail.
const graph = new ReplayGraph();
beforeAll(() => graph.start());
afterAll(() => graph.stop());
beforeEach(() => graph.reset());

const SERVICE = 'outreach.service@fabrikamlearning.org';
const listPath = '/sites/fabrikamlearning.sharepoint.com,5a1f2d6e-8c3b-4e07-9b21-7f0c6d4e3a19,c2e4b6a8-1d3f-4a5c-8e7b-9f0a2c4e6b81/lists/3c9e1a7b-5d2f-4b8c-a6e0-1f4d7b9c2e58';

function mailer() {
  const client = graph.client();
  const log = new SharePointListStore<SentMailEntry, 'status'>(client, listPath, lists.sentMail, SentMailEntry);
  return new GraphMailer(client, SERVICE, log, { ...defaultMailerTiming, confirmChecks: 1, confirmDelayMs: 0 });
}

const message = { to: ['office@quayside-school.example'], subject: 'OC-26-0142: referral received', html: '<p>Your referral has been received.</p>' };
let nextId = 40;
// https://learn.microsoft.com/en-us/graph/api/listitem-create: 201 with the listItem (here with its eTag, as the service sends it).
const createdItem = () => json(201, { '@odata.etag': `"9e8d7c6b-1111-4a2b-8c3d-4e5f6a7b8c9d,1"`, id: String(nextId++), eTag: '"9e8d7c6b-1111-4a2b-8c3d-4e5f6a7b8c9d,1"', createdDateTime: '2026-11-30T09:20:00Z' });

describe('sendMail', () => {
  it('claims, sends (202 Accepted, no body) and marks sent in one $batch ordered by dependsOn', async () => {
    graph.on('POST', /\/lists\/[^/]+\/items$/, createdItem);
    // https://learn.microsoft.com/en-us/graph/api/user-sendmail: POST /users/{id}/sendMail { message, saveToSentItems } → 202 Accepted, no body.
    graph.on('POST', /^\/users\/[^/]+\/sendMail$/, () => ({ status: 202 }));
    await mailer().send(message, 'mail-oc-26-0142-received');

    const [envelope] = graph.seen.filter((s) => s.url === '/v1.0/$batch');
    const requests = (envelope?.body as { requests: Array<{ id: string; method: string; url: string; dependsOn?: string[]; headers?: Record<string, string> }> }).requests;
    expect(requests.map((r) => [r.method, r.url.replace(listPath, '{list}'), r.dependsOn ?? []])).toEqual([
      ['POST', '{list}/items', []],
      ['POST', `/users/${encodeURIComponent(SERVICE)}/sendMail`, ['1']],
      ['POST', '{list}/items', ['2']],
    ]);
    expect(requests[1]?.headers?.['Content-Type'] ?? requests[1]?.headers?.['content-type']).toContain('application/json');
    const send = graph.calls().find((c) => c.url.endsWith('/sendMail'));
    expect(send?.body).toEqual({
      message: {
        subject: 'OC-26-0142: referral received',
        body: { contentType: 'HTML', content: '<p>Your referral has been received.</p>' },
        toRecipients: [{ emailAddress: { address: 'office@quayside-school.example' } }],
        // https://learn.microsoft.com/en-us/graph/api/resources/message (internetMessageHeaders): custom headers must begin "x-" or "X-".
        internetMessageHeaders: [{ name: expect.stringMatching(/^X-/), value: 'mail-oc-26-0142-received' }],
      },
      saveToSentItems: true,
    });
  });

  it('a sendMail refused with a 4xx (documented error body) fails the mail with Graph\'s status and code', async () => {
    graph.on('POST', /\/lists\/[^/]+\/items$/, createdItem);
    // https://learn.microsoft.com/en-us/graph/errors: 400 with error.code; ErrorInvalidRecipients is Outlook's code for a bad address.
    graph.on('POST', /\/sendMail$/, () => graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.'));
    graph.on('GET', /\/lists\/[^/]+\/items\?/, () => json(200, { value: [{ id: '40', eTag: '"e1,1"', fields: { Payload: JSON.stringify({ status: 'sending', subject: message.subject, to: message.to, claimToken: 'other', claimedAt: '2026-11-30T09:20:00.000Z', attempts: 1 }) } }] }));
    graph.on('PATCH', /\/items\/\d+\/fields$/, () => json(200, { '@odata.etag': '"e1,2"' }));
    const error = await mailer().send(message, 'mail-oc-26-0142-bad').catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, code: 'ErrorInvalidRecipients' });
    // The "sent" entry depending on the refused send was not made (424 from the batch).
    expect(graph.calls().filter((c) => c.method === 'POST' && c.url.endsWith('/items'))).toHaveLength(2);
  });

  it('a sendMail throttled (429 with Retry-After) inside the batch is sent again after it', async () => {
    graph.on('POST', /\/lists\/[^/]+\/items$/, createdItem);
    // https://learn.microsoft.com/en-us/graph/throttling: 429 with Retry-After; in a batch, on the throttled part.
    graph.on('POST', /\/sendMail$/, () => graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'Retry-After': '1' }), 1);
    graph.on('POST', /\/sendMail$/, () => ({ status: 202 }));
    graph.on('GET', /\/lists\/[^/]+\/items\?/, () => json(200, { value: [] }));
    // The "sent" entry, not made (424: it depended on the throttled part), is written as a patch of the claim instead.
    graph.on('PATCH', /\/items\/\d+\/fields$/, () => json(200, { '@odata.etag': '"e1,2"' }));
    const started = Date.now();
    await mailer().send(message, 'mail-oc-26-0142-throttled');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const sends = graph.calls().filter((c) => c.url.endsWith('/sendMail'));
    expect(sends).toHaveLength(2);
    expect(sends[1]?.via).toBe('direct');
  });

  it('a sendMail answered 503 (outcome unknown) is found in Sent Items (documented message shape) and not sent again', async () => {
    graph.on('POST', /\/lists\/[^/]+\/items$/, createdItem);
    graph.on('POST', /\/sendMail$/, () => graphError(503, 'ServiceUnavailable', 'Service Unavailable', { 'Retry-After': '1' }));
    // https://learn.microsoft.com/en-us/graph/api/user-list-messages (GET /users/{id}/mailFolders/{id}/messages): value[] of
    // messages with @odata.etag, id, subject, sentDateTime, toRecipients[{ emailAddress { name, address } }] and much more;
    // internetMessageHeaders is "returned only on applying a $select" (message resource), which the adapter applies.
    graph.on('GET', /^\/users\/[^/]+\/mailFolders\/sentitems\/messages\?/, () =>
      json(200, {
        '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('…')/mailFolders('sentitems')/messages(subject,sentDateTime,toRecipients,internetMessageHeaders)",
        value: [
          {
            '@odata.etag': 'W/"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAnjjuZ"',
            id: 'AAMkAGUAAAwTW09AAA=',
            subject: message.subject,
            sentDateTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
            toRecipients: [{ emailAddress: { name: 'Quayside School Office', address: 'Office@Quayside-School.example' } }],
            internetMessageHeaders: [
              { name: 'Received', value: 'from fictional.outlook.example' },
              { name: 'X-Outreach-Mail-Key', value: 'mail-oc-26-0142-unknown' },
            ],
          },
        ],
      }),
    );
    graph.on('PATCH', /\/items\/\d+\/fields$/, () => json(200, { '@odata.etag': '"e1,2"' }));
    await mailer().send(message, 'mail-oc-26-0142-unknown');
    expect(graph.calls().filter((c) => c.url.endsWith('/sendMail'))).toHaveLength(1);
    const look = graph.calls().find((c) => c.url.includes('/mailFolders/'));
    expect(decodeURIComponent(look?.url ?? '')).toBe(`/v1.0/users/${SERVICE}/mailFolders/sentitems/messages?$select=subject,sentDateTime,toRecipients,internetMessageHeaders&$top=50`);
    expect(graph.calls().find((c) => c.method === 'PATCH')?.body).toMatchObject({ Status: 'sent' });
  });
});
