import request from 'supertest';
import type { Express } from 'express';
import { createEmulatorApp } from '../src/emulatorApp';
import { SettableClock } from '../src/controls/clock';
import { DriveLinks } from '../src/controls/driveLinks';
import { FaultInjector } from '../src/controls/faults';
import type { GraphMetadataChecker, GraphRequestToCheck } from '../src/csdl/types';
import { defaultSiteHostname, defaultSitePath, EmulatorStore } from '../src/store/emulatorStore';

export const testToken = 'test-token-0123456789abcdef0123456789abcdef';

/** Stands in for the CSDL checker: refuses a path segment `bogusSegment` and a body property `notAGraphProperty`. */
export const fakeChecker = (): GraphMetadataChecker & { seen: GraphRequestToCheck[] } => {
  const seen: GraphRequestToCheck[] = [];
  return {
    seen,
    check(r) {
      seen.push(r);
      if (r.path.split('/').includes('bogusSegment')) {
        return { ok: false, status: 400, code: 'BadRequest', message: "Resource not found for the segment 'bogusSegment'." };
      }
      if (r.body && typeof r.body === 'object' && 'notAGraphProperty' in r.body) {
        return { ok: false, status: 400, code: 'BadRequest', message: "Property 'notAGraphProperty' does not exist on type 'microsoft.graph.listItem'." };
      }
      return { ok: true, target: { type: 'microsoft.graph.entity', kind: 'key' } };
    },
  };
};

export const sitePath = `/sites/${defaultSiteHostname}:${defaultSitePath}`;

export interface Harness {
  app: Express;
  store: EmulatorStore;
  clock: SettableClock;
  faults: FaultInjector;
  checker: ReturnType<typeof fakeChecker>;
  get(path: string): request.Test;
  post(path: string, body?: unknown): request.Test;
  patch(path: string, body: unknown): request.Test;
  put(path: string, body: Buffer | string, contentType?: string): request.Test;
  del(path: string): request.Test;
  siteId(): string;
  close(): void;
}

export const startHarness = (now = new Date('2026-01-12T09:00:00Z'), options: { filesWebBase?: string } = {}): Harness => {
  const clock = new SettableClock();
  clock.set(now, true);
  const store = EmulatorStore.open(':memory:', clock.now());
  const faults = new FaultInjector();
  const checker = fakeChecker();
  const app = createEmulatorApp({ store, checker, clock, faults, token: testToken, links: new DriveLinks(options.filesWebBase) });
  const auth = (t: request.Test): request.Test => t.set('Authorization', `Bearer ${testToken}`);
  return {
    app, store, clock, faults, checker,
    get: (path) => auth(request(app).get(path.startsWith('/_emulator') ? path : `/v1.0${path}`)),
    post: (path, body) => {
      const t = auth(request(app).post(path.startsWith('/_emulator') ? path : `/v1.0${path}`));
      return body === undefined ? t : t.set('Content-Type', 'application/json').send(JSON.stringify(body));
    },
    patch: (path, body) => auth(request(app).patch(`/v1.0${path}`)).set('Content-Type', 'application/json').send(JSON.stringify(body)),
    put: (path, body, contentType = 'application/octet-stream') =>
      auth(request(app).put(path.startsWith('/_emulator') ? path : `/v1.0${path}`)).set('Content-Type', contentType).send(body),
    del: (path) => auth(request(app).delete(`/v1.0${path}`)),
    siteId: () => store.defaultSite().id,
    close: () => store.close(),
  };
};

/** A list with an indexed unique key, an indexed status, and a plain (non-indexed) note. */
export const casesListBody = {
  displayName: 'Cases',
  columns: [
    { name: 'CaseKey', text: {}, indexed: true, enforceUniqueValues: true },
    { name: 'Status', choice: { choices: ['Open', 'Closed'] }, indexed: true },
    { name: 'Worker', text: {}, indexed: true },
    { name: 'Score', number: {}, indexed: true },
    { name: 'Opened', dateTime: {}, indexed: true },
    { name: 'Urgent', boolean: {} },
    { name: 'Note', text: { allowMultipleLines: true } },
  ],
  list: { template: 'genericList' },
};
