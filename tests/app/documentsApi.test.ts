import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import pino from 'pino';
import { documentsApi } from '../../app/files/documentsApi';
import type { TabAuth } from '../../tab/server/tabAuth';
import { createServer } from '../../app/server';
import { requestInformation, type WorkflowDeps } from '../../workflow';
import { testRateLimits } from '../bot/botHarness';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, people, value } from '../support/world';

const tenantId = '11111111-2222-4333-8444-555555555555';
const appId = '66666666-7777-4888-9999-000000000000';

function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), text: () => lines.join('') };
}

/** The app's server with the documents API mounted as app/main.ts mounts it, over a world on memory ports. */
async function startApi(auth: TabAuth) {
  const world = await buildWorld('2026-09-18T09:00:00Z');
  const log = capturedLog();
  const deps: WorkflowDeps = { ...world.deps, folders: world.deps.folders };
  const app = createServer({ logger: log.logger, version: 'test', mounts: [documentsApi(deps, auth, log.logger)], rateLimits: testRateLimits });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** A case of the worker's waiting for the school's information. */
  const waitingCase = async (worker: 'worker' | 'otherWorker' = 'worker', lastName = 'Testfield') => {
    const school = await world.schoolByUrn('100001');
    const opened = await caseSteps(world).refer('100001', { child: childDetails(school.id, { lastName }) });
    await caseSteps(world).allocate(opened.case.id, worker);
    value(await requestInformation(world.deps, await world.staff(people.admin), { caseId: opened.case.id }));
    return opened.case;
  };
  const upload = async (caseId: string, query: string, body: Uint8Array, authorization?: string, contentType = 'application/pdf') => {
    const response = await fetch(`${url}/api/cases/${caseId}/documents?${query}`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, ...(authorization ? { Authorization: authorization } : {}) },
      body: Buffer.from(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
  };
  return { world, deps, log, url, waitingCase, upload, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const pdf = new TextEncoder().encode('%PDF-1.4\nthe form\n%%EOF');
const dev = (who: keyof typeof people) => `Bearer embedded-dev:${people[who]}`;

describe('POST /api/cases/:caseId/documents (the tab\'s upload), embedded Graph: the development sign-in', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  beforeEach(async () => {
    api = await startApi({ mode: 'embedded-dev' });
  });
  afterEach(async () => api.close());

  it('files the form: 201 with the filed name and link; the step recorded; a retry of the same upload files once', async () => {
    const c = await api.waitingCase();
    const first = await api.upload(c.id, 'document=information-form&name=Rowan%20Testfield%20form.pdf', pdf, dev('admin'));
    expect(first.status).toBe(201);
    const name = `School Initial Information Gathering form ${c.reference} returned 2026-09-18.pdf`;
    expect(first.body).toMatchObject({ caseReference: c.reference, document: 'information-form', file: { name }, stillAwaited: ['pdp'], repeated: false });
    expect(String((first.body.file as { webUrl: string }).webUrl)).toContain('sharepoint.com');
    const again = await api.upload(c.id, 'document=information-form&name=Rowan%20Testfield%20form.pdf', pdf, dev('admin'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ repeated: true, file: { name } });
    expect((await api.world.deps.stores.records.find({ caseId: c.id })).filter((r) => r.body.kind === 'information-returned')).toHaveLength(1);
    expect(api.world.memory.notifier.sent.filter((n) => n.kind === 'document-returned')).toHaveLength(1);
    expect(api.log.text()).toContain('document filed');
    for (const part of ['Rowan', 'Testfield']) expect(api.log.text()).not.toContain(part);
  });

  it('a failure while filing answers 500 in words, and the log names neither the child nor the folder', async () => {
    const c = await api.waitingCase();
    const folders = api.deps.folders;
    api.deps.folders = { ...folders, ensureCaseFolder: (child: string) => Promise.reject(new Error(`Graph 503 on root:/${child}:`)) };
    try {
      const failed = await api.upload(c.id, 'document=pdp&name=pdp.pdf', pdf, dev('admin'));
      expect(failed.status).toBe(500);
      expect(String(failed.body.error)).toContain('Send it again');
    } finally {
      api.deps.folders = folders;
    }
    expect(api.log.text()).toContain('document could not be filed');
    for (const part of ['Rowan', 'Testfield']) expect(api.log.text()).not.toContain(part);
  });

  it('401 without a token, or with a token of another scheme; 403 for someone not on the Staff list', async () => {
    const c = await api.waitingCase();
    const none = await api.upload(c.id, 'document=pdp&name=pdp.pdf', pdf);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(String(none.body.error)).toContain('sign in');
    expect((await api.upload(c.id, 'document=pdp&name=pdp.pdf', pdf, `Bearer ${people.admin}`)).status).toBe(401);
    expect((await api.upload(c.id, 'document=pdp&name=pdp.pdf', pdf, 'Bearer embedded-dev:not-a-guid')).status).toBe(401);
    const stranger = await api.upload(c.id, 'document=pdp&name=pdp.pdf', pdf, 'Bearer embedded-dev:12345678-1234-4234-8234-123456789abc');
    expect(stranger.status).toBe(403);
    expect(String(stranger.body.error)).toContain('Staff list');
  });

  it('403 for a worker on someone else\'s case; 404 for an unknown case', async () => {
    const theirs = await api.waitingCase('otherWorker', 'Quillmere');
    const refused = await api.upload(theirs.id, 'document=pdp&name=pdp.pdf', pdf, dev('worker'));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'NotYourCase', error: `Case ${theirs.reference} is not on your caseload.` });
    expect((await api.upload('987654', 'document=pdp&name=pdp.pdf', pdf, dev('admin'))).status).toBe(404);
  });

  it('413 over 25 MB, 415 for a file that is not a document, 400 without a name, a document kind or a body; 409 when the case waits for nothing', async () => {
    const c = await api.waitingCase();
    const big = await api.upload(c.id, 'document=pdp&name=pdp.pdf', new Uint8Array(25 * 1024 * 1024 + 1), dev('admin'));
    expect(big.status).toBe(413);
    expect(String(big.body.error)).toContain('larger than 25 MB');
    const exe = await api.upload(c.id, 'document=pdp&name=setup.exe', pdf, dev('admin'), 'application/octet-stream');
    expect(exe.status).toBe(415);
    expect(String(exe.body.error)).toContain('"setup.exe" is not a document the service files');
    const noName = await api.upload(c.id, 'document=pdp', pdf, dev('admin'));
    expect(noName.status).toBe(400);
    expect(String(noName.body.error)).toContain('name');
    expect((await api.upload(c.id, 'document=letter&name=a.pdf', pdf, dev('admin'))).status).toBe(400);
    expect((await api.upload(c.id, 'document=pdp&name=a.pdf', new Uint8Array(0), dev('admin'))).status).toBe(400);
    // Both back: a further form is refused in words, "another document" still files.
    expect((await api.upload(c.id, 'document=information-form&name=f.pdf', pdf, dev('admin'))).status).toBe(201);
    expect((await api.upload(c.id, 'document=pdp&name=p.docx', pdf, dev('admin'))).body).toMatchObject({ stillAwaited: [] });
    const late = await api.upload(c.id, 'document=pdp&name=p2.pdf', new TextEncoder().encode('another'), dev('admin'));
    expect(late.status).toBe(409);
    expect(String(late.body.error)).toContain('already recorded as returned');
    expect((await api.upload(c.id, 'document=other&name=p2.pdf', new TextEncoder().encode('another'), dev('admin'))).status).toBe(201);
  });
});

describe('POST /api/cases/:caseId/documents, tenant mode: Entra ID tokens checked against the tenant\'s keys', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  let sign: (claims: Record<string, unknown>, options?: { audience?: string; issuer?: string; expiresIn?: string; other?: boolean }) => Promise<string>;
  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const other = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    sign = (claims, options = {}) =>
      new SignJWT({ scp: 'access_as_user', roles: ['Admin', 'Worker'], ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(options.issuer ?? `https://login.microsoftonline.com/${tenantId}/v2.0`)
        .setAudience(options.audience ?? appId)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(options.other ? other.privateKey : privateKey);
    api = await startApi({ mode: 'tenant', tenantId, appId, keys: createLocalJWKSet({ keys: [jwk] }) });
  });
  afterAll(async () => api.close());

  it('a valid token (v2, or v1 with the api:// audience) files; expired, wrong audience, tenant or key, or the development scheme: 401', async () => {
    const c = await api.waitingCase();
    const valid = await sign({ oid: people.admin, tid: tenantId });
    expect((await api.upload(c.id, 'document=pdp&name=pdp.pdf', pdf, `Bearer ${valid}`)).status).toBe(201);
    const v1 = await sign({ oid: people.admin, tid: tenantId }, { issuer: `https://sts.windows.net/${tenantId}/`, audience: `api://outreach.example.org/${appId}` });
    expect((await api.upload(c.id, 'document=information-form&name=f.pdf', pdf, `Bearer ${v1}`)).status).toBe(201);

    const refused = [
      await sign({ oid: people.admin, tid: tenantId }, { expiresIn: '-5min' }),
      await sign({ oid: people.admin, tid: tenantId }, { audience: 'api://someone-else' }),
      await sign({ oid: people.admin, tid: '99999999-2222-4333-8444-555555555555' }),
      await sign({ oid: people.admin, tid: tenantId }, { issuer: 'https://login.microsoftonline.com/common/v2.0' }),
      await sign({ oid: people.admin, tid: tenantId }, { other: true }),
    ];
    for (const token of refused) expect((await api.upload(c.id, 'document=other&name=x.pdf', pdf, `Bearer ${token}`)).status).toBe(401);
    expect((await api.upload(c.id, 'document=other&name=x.pdf', pdf, dev('admin'))).status).toBe(401);
    const worker = await sign({ oid: people.otherWorker, tid: tenantId });
    expect((await api.upload(c.id, 'document=other&name=x.pdf', pdf, `Bearer ${worker}`)).status).toBe(403);
    const noAppRole = await sign({ oid: people.admin, tid: tenantId, roles: [] });
    expect((await api.upload(c.id, 'document=other&name=x.pdf', pdf, `Bearer ${noAppRole}`)).status).toBe(403);
  });
});
