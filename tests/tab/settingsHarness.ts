import request from 'supertest';
import { people, type World } from '../support/world';
import { startTab, type Person } from './tabHarness';

/** The tab (memory ports, demo data) with PUT as well as GET and POST, signed in as a demo person or any user id. */
export const startSettingsTab = (now = '2026-09-18T09:00:00Z') => withChanges(startTab({ now }));

/** The same over a world already built (the Graph adapters on the embedded Graph). */
export const startSettingsTabOn = (world: World) => withChanges(startTab({ world }));

async function withChanges(started: ReturnType<typeof startTab>) {
  const tab = await started;
  const auth = (who: Person | string): Record<string, string> => ({ Authorization: `Bearer embedded-dev:${who in people ? people[who as Person] : who}` });
  return {
    ...tab,
    read: (url: string, who: Person | string) => request(tab.app).get(url).set(auth(who)),
    create: (url: string, body: object, who: Person | string) => request(tab.app).post(url).set(auth(who)).send(body),
    change: (url: string, body: object, who: Person | string) => request(tab.app).put(url).set(auth(who)).send(body),
  };
}

export type SettingsTab = Awaited<ReturnType<typeof startSettingsTab>>;
