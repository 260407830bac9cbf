import { rmSync } from 'node:fs';
import path from 'node:path';
import { routes } from '../../tab/contract/api';
import { builtClient, startTab } from './tabHarness';

const teamsAncestors = "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.cloud.microsoft https://*.office.com https://*.microsoft365.com https://*.cloud.microsoft https://outlook.office.com";

describe('The tab\'s pages at /tab', () => {
  let dist: string;
  let tab: Awaited<ReturnType<typeof startTab>>;
  beforeAll(async () => {
    dist = builtClient();
    tab = await startTab({ clientDist: dist });
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('index.html for /tab, /tab/ and any page path; assets with their types', async () => {
    for (const url of ['/tab', '/tab/', '/tab/cases/12']) {
      const page = await tab.get(url);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.text).toContain('<div id="root">');
    }
    const script = await tab.get('/tab/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
  });

  it('may be framed by Teams: its own CSP, no X-Frame-Options; the API and the rest of the app keep helmet\'s defaults', async () => {
    const page = await tab.get('/tab/');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(teamsAncestors);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(page.headers['x-frame-options']).toBeUndefined();
    const api = await tab.get(routes.me, 'worker');
    expect(api.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(String(api.headers['content-security-policy'])).toContain("frame-ancestors 'self';");
    const health = await tab.get('/healthz');
    expect(health.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('/healthz says where the tab is', async () => {
    const health = await tab.get('/healthz');
    expect(health.body).toEqual({ status: 'ok', version: 'test', tab: '/tab' });
  });

  it('every answer says no-store, pages and API alike', async () => {
    for (const url of ['/tab/', '/tab/assets/app.js', routes.demoStaff]) expect((await tab.get(url)).headers['cache-control']).toBe('no-store');
    expect((await tab.get(routes.cases, 'worker')).headers['cache-control']).toBe('no-store');
    expect((await tab.get(routes.me)).headers['cache-control']).toBe('no-store');
  });
});

describe('The tab not built', () => {
  it('answers 503 saying to run npm run build:tab; the API still answers', async () => {
    const tab = await startTab({ clientDist: path.join(__dirname, 'no-such-dist') });
    const page = await tab.get('/tab/');
    expect(page.status).toBe(503);
    expect(page.headers['content-type']).toContain('text/plain');
    expect(page.text).toContain('npm run build:tab');
    expect((await tab.get(routes.me, 'worker')).status).toBe(200);
  });
});

describe('Rate limits on the tab\'s API', () => {
  it('per person: over the limit 429 in words with Retry-After; someone else is not held up', async () => {
    const tab = await startTab({ rateLimits: { perPersonPerMinute: 3 } });
    for (let i = 0; i < 3; i++) expect((await tab.get(routes.me, 'worker')).status).toBe(200);
    const over = await tab.get(routes.me, 'worker');
    expect(over.status).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.body).toMatchObject({ code: 'TooManyRequests', error: expect.stringContaining('wait') });
    expect((await tab.get(routes.me, 'manager')).status).toBe(200);
  });

  it('per address: the app\'s limit covers the whole mount, signed in or not', async () => {
    const tab = await startTab({ rateLimits: { perAddressPerMinute: 2 } });
    expect((await tab.get(routes.me, 'worker')).status).toBe(200);
    expect((await tab.get(routes.demoStaff)).status).toBe(200);
    const over = await tab.get(routes.me, 'manager');
    expect(over.status).toBe(429);
    expect(over.headers['retry-after']).toBeDefined();
  });
});
