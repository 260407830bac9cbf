import { graphPorts } from '../../graph/graphPorts';
import { useEmbeddedGraph } from './embeddedGraph';

jest.setTimeout(60_000);

describe('a mailbox the tenant does not have', () => {
  const graph = useEmbeddedGraph();

  it('sending from it fails with Graph\'s 404 naming the mailbox, and no mail is invented or sent', async () => {
    const { client, site } = graph();
    const { mailer } = graphPorts(client, site, 'nobody@outreach.example.org');
    const sending = mailer.send({ to: ['office@school.example.org'], subject: 'OC-0001 report', html: '<p>Report</p>' }, 'unknown-mailbox:1');
    await expect(sending).rejects.toMatchObject({ statusCode: 404, code: 'ErrorInvalidUser', message: expect.stringMatching(/'nobody@outreach\.example\.org' is invalid/) });
    expect(((await graph().mailbox()) as { value: unknown[] }).value).toHaveLength(0);
  });

  it('the configured service mailbox, registered as a user like the demo staff, sends', async () => {
    await graph().ports.mailer.send({ to: ['office@school.example.org'], subject: 'OC-0002 report', html: '<p>Report</p>' }, 'known-mailbox:1');
    expect(((await graph().mailbox()) as { value: unknown[] }).value).toHaveLength(1);
  });
});
