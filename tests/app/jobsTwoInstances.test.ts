import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent } from 'undici';
import { startEmulatorProcess } from '@outreach/graph-emulator';
import { parseConfig } from '../../app/config';
import { connectGraph, type ConnectedGraph } from '../../app/graph/connectGraph';
import type { Job, NewItem } from '../../workflow';
import { startAppProcess } from '../bench/appProcess';

// Two app processes start (each loads the demo data), then race at their next minute tick.
jest.setTimeout(300_000);

const JOBS = 40;

type Items = { value: Array<{ id: string; eTag: string; fields: { Status?: string; Payload?: string } }> };
type RequestLog = { entries: Array<{ method: string; path: string; status: number }> };

/** The item's version, from its eTag `"{guid},N"`: 1 when created, one more at each write. */
const versionOf = (eTag: string): number => Number(/,(\d+)"?$/.exec(eTag)?.[1]);

describe('two app instances sharing one embedded Graph (GRAPH_EMULATOR_URL)', () => {
  it('run each job due exactly once: claimed once, settled once, done', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'outreach-two-instances-'));
    const emulator = await startEmulatorProcess(path.join(dataDir, 'emulator'));
    const dispatcher = new Agent({ connect: { ca: emulator.caCertificate } });
    const admin = async (method: string, route: string): Promise<unknown> => {
      const res = await fetch(`${emulator.info.adminUrl}/${route}`, { method, headers: { Authorization: `Bearer ${emulator.info.token}` }, dispatcher } as unknown as RequestInit);
      if (!res.ok) throw new Error(`emulator ${method} ${route}: ${res.status}`);
      return res.status === 204 ? undefined : res.json();
    };
    const apps: Array<Awaited<ReturnType<typeof startAppProcess>>> = [];
    let graph: ConnectedGraph | undefined;
    try {
      const config = parseConfig({ DATA_DIR: dataDir, GRAPH_EMULATOR_URL: emulator.info.baseUrl });
      if (!config.ok) throw new Error(JSON.stringify(config.error));
      graph = await connectGraph(config.value);
      const { client, site, ports } = graph;
      apps.push(await startAppProcess({ dataDir, emulatorUrl: emulator.info.baseUrl }));
      apps.push(await startAppProcess({ dataDir, emulatorUrl: emulator.info.baseUrl }));
      // Queued once both are up, due already: both instances tick at the same minute boundary (croner) and race for them.
      // A job for a visit no longer on file just ends done, so the writes counted below are the queue's own.
      await admin('POST', 'requests/reset');
      const dueAt = new Date(Date.now() - 60_000).toISOString();
      await Promise.all(Array.from({ length: JOBS }, (_, n) => {
        const job: NewItem<Job> = { kind: 'check-out-missed', dueAt, payload: { recordKey: `two-instances-${n}` }, status: 'queued', attempts: 0, createdAt: dueAt, updatedAt: dueAt };
        return ports.jobs.enqueue(job, `two-instances-${n}`);
      }));
      const read = async (): Promise<Items['value']> =>
        ((await client.api(`${site.listPaths.jobs}/items`).select('id,eTag').expand('fields($select=Status,Payload)').top(500).get()) as Items).value;
      const started = Date.now();
      let items = await read();
      // Only the jobs queued here (the apps queue their own daily plan at start).
      const ours = (all: Items['value']) => all.filter((i) => (i.fields.Payload ?? '').includes('two-instances-'));
      items = ours(items);
      while (items.some((i) => i.fields.Status !== 'done') && Date.now() - started < 150_000) {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        items = ours(await read());
      }
      expect(items).toHaveLength(JOBS);
      expect(items.map((i) => i.fields.Status)).toEqual(Array(JOBS).fill('done'));
      // Created (1), claimed once (2), settled once (3): a job run twice would have been claimed and settled again.
      expect(items.map((i) => versionOf(i.eTag))).toEqual(Array(JOBS).fill(3));
      expect(items.map((i) => (JSON.parse(i.fields.Payload ?? '{}') as Job).attempts)).toEqual(Array(JOBS).fill(0));
      // Every write to a job that landed: one claim and one settle each. A claim that lost the race answered 412 and wrote nothing.
      const ourIds = new Set(items.map((i) => i.id));
      const writes = ((await admin('GET', 'requests')) as RequestLog).entries.filter(
        (e) => e.method === 'PATCH' && e.path.includes(`${site.listPaths.jobs}/items/`) && ourIds.has(e.path.split('/items/')[1]?.split('/')[0] ?? ''),
      );
      expect(writes.filter((e) => e.status === 200)).toHaveLength(2 * JOBS);
      expect(writes.filter((e) => e.status !== 200 && e.status !== 412)).toEqual([]);
    } finally {
      await Promise.all(apps.map((a) => a.stop()));
      await graph?.stop();
      await emulator.stop();
      await dispatcher.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
