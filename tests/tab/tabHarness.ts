import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { inMemoryCaseLocks } from '../../app/bot/caseLocks';
import type { RateLimits } from '../../app/config';
import { createServer } from '../../app/server';
import { tabApp } from '../../tab/server/tabApi';
import type { TabAuth } from '../../tab/server/tabAuth';
import type { CaseLocks } from '../../workflow';
import { testRateLimits } from '../bot/botHarness';
import { caseSteps, childDetails } from '../support/caseSteps';
import { buildWorld, people } from '../support/world';

export type Person = keyof typeof people;

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

/** A built browser app: an index page and one script. */
export function builtClient(): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'tab-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><script type="module" src="/tab/assets/app.js"></script></head><body><div id="root"></div></body></html>');
  writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("tab");');
  return dist;
}

export interface TabOptions {
  auth?: TabAuth;
  rateLimits?: Partial<RateLimits>;
  clientDist?: string;
  now?: string;
  caseLocks?: CaseLocks;
  /** Also told of the subjects an action changed (as the app tells the bot, to redraw its cards in chat). */
  onChanged?: (changed: readonly string[]) => void;
  /** A world already built (shared with a bot under test). */
  world?: Awaited<ReturnType<typeof buildWorld>>;
}

/** The app's server with the tab mounted as app/main.ts mounts it, over a world on memory ports. */
export async function startTab(options: TabOptions = {}) {
  const world = options.world ?? (await buildWorld(options.now ?? '2026-09-18T09:00:00Z'));
  const log = capturedLog();
  const rateLimits = { ...testRateLimits, ...options.rateLimits };
  const changed: string[][] = [];
  const tabLog = log.logger.child({ component: 'tab' });
  const tab = tabApp({
    workflow: world.deps,
    auth: options.auth ?? { mode: 'embedded-dev' },
    log: { info: (f, m) => tabLog.info(f, m), warn: (f, m) => tabLog.warn(f, m), error: (f, m) => tabLog.error(f, m) },
    perPersonPerMinute: rateLimits.perPersonPerMinute,
    caseLocks: options.caseLocks ?? inMemoryCaseLocks(),
    onChanged: (subjects) => {
      changed.push([...subjects]);
      options.onChanged?.(subjects);
    },
    clientDist: options.clientDist ?? path.join(tmpdir(), 'no-tab-build-here'),
  });
  const app = createServer({ logger: log.logger, version: 'test', mounts: [tab], rateLimits, tabPath: tab.path });
  const signIn = (who: Person | undefined): Record<string, string> => (who ? { Authorization: `Bearer embedded-dev:${people[who]}` } : {});
  const get = (url: string, who?: Person) => request(app).get(url).set(signIn(who));
  const post = (url: string, body: unknown, who?: Person) => request(app).post(url).set(signIn(who)).send(body as object);
  const steps = caseSteps(world);
  /** A referred case (step 2) of the child named, at the school of `urn`. */
  const referred = async (firstName: string, lastName: string, urn = '100001') => {
    const school = await world.schoolByUrn(urn);
    return (await steps.refer(urn, { child: childDetails(school.id, { firstName, lastName }) })).case;
  };
  return { app, world, log, changed, get, post, steps, referred };
}
