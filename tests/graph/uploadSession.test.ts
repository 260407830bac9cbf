import { plainFetchOf, registerPlainFetch } from '../../graph/client/fileContent';
import { DriveCaseFolders } from '../../graph/drive/caseFolders';
import { FRAGMENT_BYTES } from '../../graph/drive/uploadSession';
import { freshCaseReference, freshChildFolderName } from '../contract/samples/fresh';
import { useEmbeddedGraph } from './embeddedGraph';
import { loggedRequests } from './requestLog';

jest.setTimeout(60_000);

const graph = useEmbeddedGraph();

/** Fragments sent to upload sessions through the client's plain fetch, failing as told. */
function flakyFragments(fail: (fragment: number, send: () => Promise<Response>) => Promise<Response>) {
  const client = graph().client;
  const real = plainFetchOf(client);
  let fragment = 0;
  registerPlainFetch(client, (url, init) => (init?.method === 'PUT' ? fail(++fragment, () => real(url, init)) : real(url, init)));
  return { restore: () => registerPlainFetch(client, real) };
}

const large = (bytes: number) => {
  const b = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) b[i] = (i * 29 + 3) % 256;
  return b;
};

describe('upload sessions through the Case Files adapter', () => {
  const folders = () => new DriveCaseFolders(graph().client, graph().site.caseFilesDriveId);

  it('a fragment answered 503 is sent again from where the session says it got; the file lands whole', async () => {
    const folder = await folders().ensureCaseFolder(freshChildFolderName(), freshCaseReference());
    const content = large(2 * FRAGMENT_BYTES + 1234);
    const flaky = flakyFragments((n, send) => (n === 2 ? Promise.resolve(new Response('{"error":{"code":"serviceNotAvailable","message":"busy"}}', { status: 503 })) : send()));
    try {
      await graph().resetRequests();
      const file = await folders().uploadOnce(folder, 'Workbook scan.pdf', content, 'application/pdf');
      expect(Buffer.compare(Buffer.from(await folders().content(file)), content)).toBe(0);
      const session = (await loggedRequests(graph())).filter((r) => r.path === '/_api/v2.0/uploadSession').map((r) => `${r.method} ${r.status}`);
      expect(session).toEqual(['PUT 202', 'GET 200', 'PUT 202', 'PUT 201']);
    } finally {
      flaky.restore();
    }
  });

  it('a fragment that landed but whose answer was lost is not sent twice: the session says where to go on', async () => {
    const folder = await folders().ensureCaseFolder(freshChildFolderName(), freshCaseReference());
    const content = large(FRAGMENT_BYTES + 99);
    const flaky = flakyFragments(async (n, send) => {
      const answer = await send();
      if (n === 1) throw new TypeError('fetch failed: the connection was reset');
      return answer;
    });
    try {
      await graph().resetRequests();
      const file = await folders().uploadOnce(folder, 'Photo of form.pdf', content, 'application/pdf');
      expect(Buffer.compare(Buffer.from(await folders().content(file)), content)).toBe(0);
      const session = (await loggedRequests(graph())).filter((r) => r.path === '/_api/v2.0/uploadSession').map((r) => `${r.method} ${r.status}`);
      expect(session).toEqual(['PUT 202', 'GET 200', 'PUT 201']);
    } finally {
      flaky.restore();
    }
  });

  it('under injected throttling and 5xx on half the requests, a 12 MB file still lands whole, each fragment once', async () => {
    const folder = await folders().ensureCaseFolder(freshChildFolderName(), freshCaseReference());
    const content = large(12 * 1024 * 1024 + 17);
    await graph().setFaults({ rate: 0.5, statuses: [429, 503], retryAfterSeconds: 0, seed: 5 });
    try {
      await graph().resetRequests();
      const file = await folders().uploadOnce(folder, 'Large scan.pdf', content, 'application/pdf');
      await graph().clearFaults();
      expect(Buffer.compare(Buffer.from(await folders().content(file)), content)).toBe(0);
      const puts = (await loggedRequests(graph())).filter((r) => r.path === '/_api/v2.0/uploadSession' && r.method === 'PUT');
      expect(puts.filter((r) => r.status === 202 || r.status === 201)).toHaveLength(Math.ceil(content.length / FRAGMENT_BYTES));
      expect(puts.some((r) => r.status === 429 || r.status === 503)).toBe(true);
    } finally {
      await graph().clearFaults();
    }
  });

  it('every fragment answered 503 after it landed, the last one too: the upload goes on, and ends with the file it filed', async () => {
    const folder = await folders().ensureCaseFolder(freshChildFolderName(), freshCaseReference());
    const content = large(FRAGMENT_BYTES + 4321);
    const flaky = flakyFragments(async (_n, send) => {
      const answer = await send();
      return answer.ok ? new Response('{"error":{"code":"serviceNotAvailable","message":"busy"}}', { status: 503, headers: { 'retry-after': '0' } }) : answer;
    });
    try {
      await graph().resetRequests();
      const file = await folders().uploadOnce(folder, 'Lost answers.pdf', content, 'application/pdf');
      expect(file).toMatchObject({ name: 'Lost answers.pdf' });
      expect(file.alreadyThere).toBeUndefined();
      expect(Buffer.compare(Buffer.from(await folders().content(file)), content)).toBe(0);
      const session = (await loggedRequests(graph())).filter((r) => r.path === '/_api/v2.0/uploadSession').map((r) => `${r.method} ${r.status}`);
      expect(session).toEqual(['PUT 202', 'GET 200', 'PUT 201', 'GET 404']);
    } finally {
      flaky.restore();
    }
  });

  it('fragments go without the Graph token; a name taken is refused at the session\'s start and the file there returned', async () => {
    const folder = await folders().ensureCaseFolder(freshChildFolderName(), freshCaseReference());
    const seen: (string | null)[] = [];
    const client = graph().client;
    const real = plainFetchOf(client);
    registerPlainFetch(client, (url, init) => {
      seen.push(new Headers(init?.headers).get('authorization'));
      return real(url, init);
    });
    try {
      await folders().upload(folder, 'Big.pdf', large(FRAGMENT_BYTES - 10), 'application/pdf');
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((a) => a === null)).toBe(true);
      const first = await folders().uploadOnce(folder, 'Big.pdf', large(FRAGMENT_BYTES + 1), 'application/pdf');
      expect(first).toMatchObject({ name: 'Big.pdf', alreadyThere: true });
    } finally {
      registerPlainFetch(client, real);
    }
  });
});
