import { Writable } from 'node:stream';
import pino from 'pino';
import { buildWorld, people } from '../support/world';
import { startBot } from './botHarness';

/** The app's log as parsed JSON lines. */
function capturedLog() {
  const lines: Array<{ level: number; msg?: string; err?: unknown; fields?: string[] }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as (typeof lines)[number]);
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), lines };
}

describe('Malformed activities get a 500 (defect): a client\'s mistake answers 400 naming the field, and is not logged as an error', () => {
  let harness: Awaited<ReturnType<typeof startBot>>;
  let log: ReturnType<typeof capturedLog>;

  beforeEach(async () => {
    log = capturedLog();
    harness = await startBot((await buildWorld()).deps, { logger: log.logger });
  });
  afterEach(async () => harness.close());

  const activity = (from: unknown, extra: Record<string, unknown>) => ({
    channelId: 'msteams',
    serviceUrl: harness.connector.url,
    id: 'user-act-1',
    from,
    recipient: { id: '28:outreach-bot' },
    conversation: { id: 'a:1', conversationType: 'personal' },
    ...extra,
  });

  const cases: Array<[string, () => unknown, string]> = [
    ['an empty from.aadObjectId', () => activity({ id: '29:a', aadObjectId: '' }, { type: 'message', text: 'help' }), 'from.aadObjectId'],
    ['a number as from.aadObjectId', () => activity({ id: '29:a', aadObjectId: 5 }, { type: 'message', text: 'help' }), 'from.aadObjectId'],
    ['an object as from.aadObjectId', () => activity({ id: '29:a', aadObjectId: {} }, { type: 'message', text: 'help' }), 'from.aadObjectId'],
    ['a from.aadObjectId that is not a GUID', () => activity({ id: '29:a', aadObjectId: "1' or '1' eq '1" }, { type: 'message', text: 'help' }), 'from.aadObjectId'],
    ['a number as text', () => activity({ id: '29:a', aadObjectId: people.manager }, { type: 'message', text: 5 }), 'text'],
    ['an object as text', () => activity({ id: '29:a', aadObjectId: people.manager }, { type: 'message', text: { a: 1 } }), 'text'],
    ['null as text', () => activity({ id: '29:a', aadObjectId: people.manager }, { type: 'message', text: null }), 'text'],
    ['a string as from', () => activity('someone', { type: 'message', text: 'help' }), 'from'],
    ['an empty from.id', () => activity({ id: '', aadObjectId: people.manager }, { type: 'message', text: 'help' }), 'from.id'],
    ['a number as replyToId', () => activity({ id: '29:a', aadObjectId: people.manager }, { type: 'invoke', name: 'adaptiveCard/action', replyToId: 7, value: {} }), 'replyToId'],
    ['no conversation', () => ({ ...activity({ id: '29:a' }, { type: 'message', text: 'help' }), conversation: undefined }), 'conversation'],
  ];

  it.each(cases)('%s answers 400 with a plain message naming the field', async (_what, body, field) => {
    const answer = await harness.post(body());
    expect(answer.status).toBe(400);
    expect((answer.body as { error: string }).error).toMatch(new RegExp(`^not a Bot Framework activity: check .*\\b${field.replace('.', '\\.')}\\b`));
    expect(harness.connector.sent).toEqual([]);
    // A warning with the field names, never an error with a stack trace.
    expect(log.lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(log.lines.some((l) => l.level === 40 && l.msg === 'activity refused' && l.fields?.includes(field))).toBe(true);
    expect(JSON.stringify(log.lines)).not.toContain('"stack"');
  });

  it('a well-formed activity from the same person is still answered', async () => {
    const answer = await harness.say(people.manager, 'help');
    expect(answer.status).toBe(200);
    expect(harness.connector.sent).toHaveLength(1);
  });
});
