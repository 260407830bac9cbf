import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startEmulatorProcess, type EmbeddedGraph } from '@outreach/graph-emulator';
import type { AdaptiveCardJson } from '../../bot/cards';
import { actionOf, cardText } from '../cards/cardWorld';
import { cardOf, invokeCard, startConnector, type Connector } from '../bot/botHarness';
import { startFakeIngestion } from './fakeIngestion';

// The real app (app/main.ts, as `npm start` runs it) on an embedded Graph (GRAPH_EMULATOR_URL: the
// test holds its fault controls, and its certificate, which the fake ingestion endpoint on loopback
// also serves and the app trusts through NODE_EXTRA_CA_CERTS), sending telemetry to that endpoint. A referral of a fictional child is driven through the bot,
// the case is searched for and opened in the tab, and a Graph outage makes a request fail. Then
// every envelope the exporter sent is read: the telemetry is there, and none of the child's details.

const root = path.resolve(__dirname, '../..');
const tsxCli = require.resolve('tsx/cli');
const admin = '00000000-0000-4000-8000-000000000002';
const manager = '00000000-0000-4000-8000-000000000001';
const instrumentationKey = '0f5d6a1e-3b7c-4d2a-9e8f-1a2b3c4d5e6f';

/** Fictional, and written so that any trace of it is unmistakable. */
const child = {
  firstName: 'Зоряна',
  lastName: 'Квітковська',
  dateOfBirth: '2016-03-17',
  parentName: 'Оксана Квітковська',
  address: '42 Lanternwick Row, Northvale NV9 7QZ',
  email: 'kvitkovska.family.7q3x@example.org',
  phone: '01632 960847',
  note: 'Draws comets in the margins and hides under the stairs at lunch (note 7Q3X)',
  tried: 'Quiet room passes, a comet-themed reward chart (7Q3X)',
};

interface App {
  child: ChildProcess;
  url: string;
  closed: Promise<number | null>;
  log: () => string;
}

async function startApp(dataDir: string, graph: EmbeddedGraph, ingestionUrl: string): Promise<App> {
  const proc = spawn(process.execPath, [tsxCli, 'app/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      PLAYGROUND: 'off',
      DEMO_HISTORY: 'off',
      JOBS: 'off',
      RATE_LIMIT_PER_PERSON: '100000',
      RATE_LIMIT_PER_ADDRESS: '100000',
      GRAPH_EMULATOR_URL: graph.info.baseUrl,
      NODE_EXTRA_CA_CERTS: graph.info.caCertPath,
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${instrumentationKey};IngestionEndpoint=${ingestionUrl}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  proc.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const closed = once(proc, 'close').then(([code]) => code as number | null);
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      output.push(`${line}\n`);
      if (!line.startsWith('{')) return;
      const record = JSON.parse(line) as { msg?: string; url?: string };
      if (record.msg === 'listening' && record.url) resolve(record.url);
    });
    proc.once('exit', (code) => reject(new Error(`the app exited with ${code} before listening:\n${output.join('')}`)));
  });
  return { child: proc, url, closed, log: () => output.join('') };
}

/** The embedded Graph's fault controls (`/_emulator/faults`). */
function emulatorFaults(graph: EmbeddedGraph) {
  const { info, caCertificate: ca } = graph;
  return (settings: Record<string, unknown>) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify(settings);
      const req = request(`${info.adminUrl}/faults`, { method: 'PUT', ca, headers: { Authorization: `Bearer ${info.token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
}

/** The values of a card's choice set, by the input's id. */
function choicesOf(card: AdaptiveCardJson, id: string): Array<{ title: string; value: string }> {
  let found: Array<{ title: string; value: string }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as { id?: unknown; choices?: unknown };
      if (n.id === id && Array.isArray(n.choices)) found = n.choices as typeof found;
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('telemetry from the running app carries no child data', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'outreach-telemetry-'));
  let graph: EmbeddedGraph;
  let ingestion: Awaited<ReturnType<typeof startFakeIngestion>>;
  let connector: Connector;
  let app: App | undefined;

  beforeAll(async () => {
    graph = await startEmulatorProcess(path.join(dataDir, 'emulator'));
    ingestion = await startFakeIngestion({ key: readFileSync(path.join(path.dirname(graph.info.caCertPath), 'emulator-key.pem'), 'utf8'), cert: graph.caCertificate });
    connector = await startConnector();
  }, 90_000);
  afterAll(async () => {
    if (app && app.child.exitCode === null) app.child.kill('SIGKILL');
    await connector.close();
    await ingestion.close();
    await graph.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a referral in chat, a search and a case page in the tab, and a failed request: requests, dependencies and an exception arrive, and no name, date of birth, address, e-mail, phone or note', async () => {
    app = await startApp(dataDir, graph, ingestion.url);
    const started = app;
    let activity = 0;
    const post = async (aadObjectId: string, body: Record<string, unknown>) => {
      const response = await fetch(`${started.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          channelId: 'msteams',
          serviceUrl: connector.url,
          id: `user-act-${++activity}`,
          timestamp: new Date().toISOString(),
          from: { id: `29:teams-${aadObjectId}`, name: 'Demo user', aadObjectId },
          recipient: { id: '28:outreach-bot', name: 'Outreach Cases' },
          conversation: { id: `a:${aadObjectId}`, conversationType: 'personal', tenantId: 'tenant-1' },
          ...body,
        }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    };

    // The referral, as the admin types it into the form in Teams.
    expect((await post(admin, { type: 'message', text: 'new referral' })).status).toBeLessThan(300);
    const formMessage = connector.sent.at(-1);
    const form = cardOf(formMessage);
    const school = choicesOf(form, 'schoolId').find((c) => c.title.includes('Alderbrook'));
    expect(school).toBeDefined();
    const submit = actionOf(form, 'referral.submit');
    const values = {
      firstName: child.firstName, lastName: child.lastName, dateOfBirth: child.dateOfBirth, gender: 'not-stated', schoolId: school?.value ?? '', yearGroup: '5', send: 'none',
      pupilPremium: 'false', freeSchoolMeals: 'false', lookedAfter: 'false',
      parent1Name: child.parentName, parent1Relationship: 'parent', parent1Responsibility: 'true', parent1Email: child.email, parent1Phone: child.phone, parent1Address: child.address,
      parent1PreferredContact: 'email', parent1Language: '', parent1Interpreter: 'false',
      parent2Name: '', parent2Relationship: '', parent2Responsibility: 'false', parent2Email: '', parent2Phone: '', parent2Address: '', parent2PreferredContact: '', parent2Language: '', parent2Interpreter: 'false',
      referralDate: '2026-09-14', referralSource: 'school', referralSourceDetail: 'SENCo', reasonForReferral: child.note,
      plans: 'pupil-passport', assessments: 'sdq', whatHasBeenTried: child.tried, consent: 'given',
    };
    const answer = await post(admin, { type: 'invoke', name: 'adaptiveCard/action', replyToId: formMessage?.id, value: { action: { type: 'Action.Execute', verb: submit.verb, data: { ...submit.data, ...values } } } });
    expect(answer.status).toBe(200);
    const logged = cardText(invokeCard(answer.body));
    // The app did hold the child's name: what follows proves it stayed out of telemetry.
    expect(logged).toContain(`${child.firstName} ${child.lastName}`);
    const reference = /case (OC-\d{2}-[0-9A-Z]{5})/.exec(logged)?.[1];
    expect(reference).toBeDefined();

    // The tab: the manager searches for the child by name (in the query string), then opens the case.
    const signIn = { Authorization: `Bearer embedded-dev:${manager}` };
    const search = await fetch(`${started.url}/tab/api/cases?status=all&q=${encodeURIComponent(child.firstName)}`, { headers: signIn });
    expect(search.status).toBe(200);
    const rows = ((await search.json()) as { rows: Array<{ caseId: string; reference: string }> }).rows;
    const caseId = rows.find((r) => r.reference === reference)?.caseId ?? '';
    expect(caseId).not.toBe('');
    const page = await fetch(`${started.url}/tab/api/cases/${encodeURIComponent(caseId)}?from=${encodeURIComponent(child.lastName)}`, { headers: signIn });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(child.lastName);

    // A Graph outage: the case page fails with a 500 (an exception in telemetry).
    const faults = emulatorFaults(graph);
    expect(await faults({ rate: 1, statuses: [503], retryAfterSeconds: 0 })).toBe(200);
    const failed = await fetch(`${started.url}/tab/api/cases/${encodeURIComponent(caseId)}`, { headers: signIn });
    expect(failed.status).toBe(500);
    expect(await faults({})).toBe(200);

    // SIGTERM: the app stops in order, and sends what telemetry it still holds.
    started.child.kill('SIGTERM');
    const code = await started.closed;
    if (code !== 0) throw new Error(`the app stopped with ${code}:\n${started.log().split('\n').slice(-15).join('\n')}`);

    const envelopes = ingestion.envelopes() as Array<{ name: string; data: { baseType: string; baseData: Record<string, unknown> } }>;
    const of = (baseType: string) => envelopes.filter((e) => e.data.baseType === baseType).map((e) => e.data.baseData);
    const requests = of('RequestData').map((r) => `${String(r.name)} ${String(r.responseCode)}`);
    expect(requests).toEqual(expect.arrayContaining(['POST /api/messages 200', 'GET /tab/api/cases 200', 'GET /tab/api/cases/:caseId 200', 'GET /tab/api/cases/:caseId 500']));
    const dependencies = of('RemoteDependencyData');
    expect(dependencies.length).toBeGreaterThan(0);
    for (const d of dependencies) expect(String(d.name)).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/v1\.0(\/[A-Za-z0-9.$:-]+)*$/);
    expect(dependencies.some((d) => d.resultCode === '503')).toBe(true);
    const exceptions = of('ExceptionData');
    expect(exceptions.length).toBeGreaterThan(0);
    for (const e of exceptions) expect(e.exceptions).toEqual([{ typeName: expect.stringMatching(/^\w+$/), message: expect.stringMatching(/^\w+(: [\w.-]+)?$/), hasFullStack: false }]);

    // Nothing of the child, as sent (the raw bodies) and as read back (in case of escapes).
    const sent = [...ingestion.bodies, JSON.stringify(envelopes)].join('\n');
    const forbidden = [
      child.firstName, child.lastName, child.parentName, child.dateOfBirth, '17/03/2016', '17 March 2016', child.address, 'Lanternwick', child.email, 'kvitkovska',
      child.phone, '960847', child.note, child.tried, '7Q3X', 'from=', 'q=', 'status=all',
      encodeURIComponent(child.firstName), encodeURIComponent(child.lastName), JSON.stringify(child.firstName).slice(1, -1),
    ];
    for (const text of forbidden) expect({ text, found: sent.toLowerCase().includes(text.toLowerCase()) }).toEqual({ text, found: false });
    // Not escaped either (\u0417... for a Cyrillic letter).
    const escaped = [...child.firstName].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    expect(sent.toLowerCase()).not.toContain(escaped);
    // No id in a path: the case's id (a short number here) is in no segment of any name, URL or operation.
    const paths = envelopes.flatMap((e) => [e.data.baseData.name, e.data.baseData.data, (e as { tags?: Record<string, unknown> }).tags?.['ai.operation.name']]).filter((p): p is string => typeof p === 'string');
    expect(paths.filter((p) => p.split(/[/ ?]/).includes(caseId))).toEqual([]);
  }, 180_000);
});
