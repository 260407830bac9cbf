import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import request from 'supertest';
import { attachToEmulator, type EmbeddedGraph } from '@outreach/graph-emulator';
import { createLogger } from '../../app/logger';
import { createServer } from '../../app/server';
import { jobWords } from '../../workflow';
import type { AdaptiveCardJson } from '../../bot/cards';
import { actionOf, cardText, executeActions } from '../cards/cardWorld';
import { people } from '../support/world';
import { cardOf, invokeCard, startConnector, type Connector } from '../bot/botHarness';

// app/main.ts as `npm start` runs it (tsx, its own process), with the embedded Graph; Teams is a connector standing in.
const root = path.resolve(__dirname, '../..');
const tsxCli = require.resolve('tsx/cli');
// Wed 23 Sep 2026, 11:00 in London.
const clockNow = '2026-09-23T10:00:00Z';

const startMain = async (dataDir: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> => {
  const child = spawn(process.execPath, [tsxCli, 'app/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir, PLAYGROUND: 'off', CLOCK_NOW: clockNow, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.resume();
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const record = JSON.parse(line) as { msg?: string; url?: string };
      if (record.msg === 'listening' && record.url) resolve(record.url);
    });
    child.once('exit', (code) => reject(new Error(`main exited with ${code} before listening`)));
  });
  return { child, url };
};
const stopMain = async (child: ChildProcess | undefined): Promise<void> => {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const closed = once(child, 'close');
  child.kill('SIGTERM');
  await closed;
};

const json = async (url: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(url, { ...init, headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(init.headers ?? {}) } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const move = (url: string, body: unknown) => json(`${url}/demo/clock`, { method: 'POST', body: JSON.stringify(body) });
const appNow = async (url: string): Promise<string> => String((await json(`${url}/demo/clock`)).body.now);
const apart = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b));

/** The first choice of a choice set on a card. */
const firstChoice = (card: AdaptiveCardJson, id: string): string => {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    const o = node as { id?: unknown; choices?: Array<{ value: string }> };
    if (o.id === id && Array.isArray(o.choices)) found = o.choices[0]?.value;
    else Object.values(node).forEach(walk);
  };
  walk(card);
  if (found === undefined) throw new Error(`no choices for ${id}`);
  return found;
};

/** Bot Framework activities to the app's /api/messages, as Teams sends them, from Morgan Ashby (manager and worker). */
function teams(url: string, connector: Connector) {
  let counter = 0;
  const base = (aadObjectId: string) => ({
    channelId: 'msteams', serviceUrl: connector.url, id: `user-act-${++counter}`, timestamp: new Date().toISOString(),
    from: { id: `29:teams-${aadObjectId}`, name: 'Demo user', aadObjectId }, recipient: { id: '28:outreach-bot', name: 'Outreach Cases' },
    conversation: { id: `a:${aadObjectId}`, conversationType: 'personal', tenantId: 'tenant-1' },
  });
  const post = async (activity: unknown) => {
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return {
    say: async (who: string, text: string) => {
      const before = connector.sent.length;
      expect((await post({ ...base(who), type: 'message', text })).status).toBe(200);
      return cardOf(connector.sent[before]);
    },
    click: async (who: string, verb: string, data: Record<string, unknown>) => {
      const answer = await post({ ...base(who), type: 'invoke', name: 'adaptiveCard/action', replyToId: 'bot-msg-1', value: { action: { type: 'Action.Execute', verb, data } } });
      expect(answer.status).toBe(200);
      return invokeCard(answer.body);
    },
  };
}

const referral = (schoolId: string) => ({
  firstName: 'Juniper', lastName: 'Wrenfield', dateOfBirth: '2016-05-02', gender: 'not-stated', schoolId, yearGroup: '5', send: 'none',
  pupilPremium: 'false', freeSchoolMeals: 'false', lookedAfter: 'false',
  parent1Name: 'Rosalind Wrenfield', parent1Relationship: 'parent', parent1Responsibility: 'true', parent1Phone: '01632 960555', parent1Interpreter: 'false',
  referralDate: '2026-09-22', referralSource: 'school', referralSourceDetail: 'SENCo', reasonForReferral: 'Leaves the classroom several times a day.',
  plans: 'pupil-passport', assessments: 'sdq', whatHasBeenTried: 'A key adult and movement breaks.', consent: 'given', requestInformation: 'false',
});

describe('Time in a local run: /demo/clock moves the app and the embedded Graph forward together (embedded Graph only)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'outreach-clock-'));
  let main: { child: ChildProcess; url: string };
  let second: { child: ChildProcess; url: string } | undefined;
  let embedded: EmbeddedGraph;
  let connector: Connector;

  beforeAll(async () => {
    connector = await startConnector();
    main = await startMain(dataDir);
    const details = (await (await fetch(`${main.url}/healthz/details`)).json()) as { clockPage: string; graph: { baseUrl: string } };
    expect(details.clockPage).toBe(`${main.url}/demo/clock`);
    embedded = attachToEmulator(path.join(dataDir, 'emulator'), details.graph.baseUrl);
  }, 120_000);
  afterAll(async () => {
    await stopMain(second?.child);
    await stopMain(main.child);
    await connector.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('from start-up the app and the embedded Graph agree on CLOCK_NOW, and the page shows it in UK time with the moves', async () => {
    const [app, graph] = [await appNow(main.url), (await embedded.clock()).now];
    expect(apart(app, clockNow)).toBeLessThan(120_000);
    expect(apart(app, graph)).toBeLessThan(2_000);
    const page = await fetch(`${main.url}/demo/clock`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toMatch(/<h1>It is Wed 23 Sep 2026, 11:\d\d \(UK time\)<\/h1>/);
    expect(html).toContain('<button name="by" value="week">1 week</button>');
    expect(html).toContain('<input type="datetime-local" name="to" required>');
  });

  it('a clear 400 for what is not a move, for a move backwards, and a 403 for a form from another site; nothing moves', async () => {
    const before = await appNow(main.url);
    const bad = await move(main.url, { by: 'fortnight' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^Send \{"by": "hour" \| "day" \| "week"\}/);
    const back = await move(main.url, { to: '2026-09-01' });
    expect(back.status).toBe(400);
    expect(back.body.error).toMatch(/^The clock only moves forward: it is Wed 23 Sep 2026/);
    const html = await fetch(`${main.url}/demo/clock`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'to=next+week' });
    expect(html.status).toBe(400);
    expect(await html.text()).toContain('&quot;next week&quot; is not a date or time');
    const elsewhere = await fetch(`${main.url}/demo/clock`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://example.org' }, body: 'by=week' });
    expect(elsewhere.status).toBe(403);
    expect(apart(await appNow(main.url), before)).toBeLessThan(5_000);
  });

  it('the missed check-out alert end to end through the protocol: a check-in in Teams, the clock moved an hour, the manager\'s chat gets the alert', async () => {
    const chat = teams(main.url, connector);
    const manager = people.manager;
    const form = await chat.say(manager, 'new referral');
    const logged = await chat.click(manager, 'referral.submit', { ...actionOf(form, 'referral.submit').data, ...referral(firstChoice(form, 'schoolId')) });
    const reference = /Referral logged: case (OC-26-[0-9A-Z]{5})/.exec(cardText(logged))?.[1];
    // The case card follows as a new message, with the case's next actions.
    const caseId = [logged, ...connector.sent.map((s) => cardOf(s))].flatMap((card) => executeActions(card)).find((a) => a.data.caseId)?.data.caseId;
    expect([reference, caseId]).toEqual([expect.any(String), expect.any(String)]);
    const allocate = await chat.click(manager, 'allocate.open', { caseId });
    await chat.click(manager, 'allocate.submit', { ...actionOf(allocate, 'allocate.submit').data, workerId: manager });
    const checkIn = await chat.click(manager, 'check-in.open', { caseId });
    const checkedIn = await chat.click(manager, 'check-in.submit', { ...actionOf(checkIn, 'check-in.submit').data, place: firstChoice(checkIn, 'place'), endTime: '11:30' });
    expect(cardText(checkedIn)).toContain('11:30');

    // Nothing yet: the alert is due at 12:00 (30 minutes after the planned end).
    expect(cardText(await chat.say(manager, 'due'))).toContain(`${reference ?? ''}`);
    const moved = await move(main.url, { by: 'hour' });
    expect(moved.status).toBe(200);
    // With it, the day's plan (07:00 London) if no tick ran it since start-up.
    expect(moved.body.due).toContainEqual(expect.objectContaining({ kind: 'check-out-missed', what: jobWords['check-out-missed'], reference }));
    expect(moved.body.ran).toMatchObject({ claimed: (moved.body.due as unknown[]).length, retried: 0, failed: 0 });
    const [app, graph] = [await appNow(main.url), (await embedded.clock()).now];
    expect(apart(app, '2026-09-23T11:00:00Z')).toBeLessThan(120_000);
    expect(apart(app, graph)).toBeLessThan(2_000);

    const alert = connector.sent.find((s) => s.method === 'POST' && s.conversationId === `a:${manager}` && cardText(cardOf(s)).includes('Missed check-out'));
    expect(alert).toBeDefined();
    expect(cardText(cardOf(alert))).toContain(reference);
    expect(cardText(cardOf(alert))).not.toContain('Wrenfield');
  }, 60_000);

  it('two instances on one embedded Graph: a move by either is seen by the other', async () => {
    const details = (await (await fetch(`${main.url}/healthz/details`)).json()) as { graph: { baseUrl: string } };
    second = await startMain(dataDir, { GRAPH_EMULATOR_URL: details.graph.baseUrl, JOBS: 'off' });
    // The second started with CLOCK_NOW too, but follows the clock already moved.
    expect(apart(await appNow(second.url), await appNow(main.url))).toBeLessThan(2_000);
    const moved = await move(second.url, { to: '2026-10-26' });
    expect(moved.body).toMatchObject({ now: expect.stringMatching(/^2026-10-26T08:00/), note: expect.stringContaining('JOBS=off') });
    expect(apart(await appNow(main.url), '2026-10-26T08:00:00Z')).toBeLessThan(5_000);
    expect(apart((await embedded.clock()).now, '2026-10-26T08:00:00Z')).toBeLessThan(5_000);
    // The page's own form, as a browser posts it (same origin): the result in words.
    const page = await fetch(`${main.url}/demo/clock`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: main.url }, body: 'by=week' });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toMatch(/<h1>It is Mon 2 Nov 2026, 08:0\d \(UK time\)<\/h1>/);
    expect(html).toMatch(/<h2>Moved forward to Mon 2 Nov 2026, 08:0\d<\/h2>/);
    expect(apart(await appNow(second.url), '2026-11-02T08:00:00Z')).toBeLessThan(5_000);
  }, 120_000);
});

describe('The clock page where there is none', () => {
  it('without the embedded Graph (a tenant) the page does not exist: 404', async () => {
    const app = createServer({ logger: createLogger({ logLevel: 'silent' }), version: '1' });
    await request(app).get('/demo/clock').expect(404);
    await request(app).post('/demo/clock').send({ by: 'day' }).expect(404);
  });
});
