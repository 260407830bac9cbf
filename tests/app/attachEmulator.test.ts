import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../app/config';
import { connectGraph } from '../../app/graph/connectGraph';
import { startEmulatorProcess } from '@outreach/graph-emulator';

jest.setTimeout(60_000);

describe('GRAPH_EMULATOR_URL points the app at an embedded Graph that is already running', () => {
  it('connects, provisions and reports it, reading the token and certificate from the data folder', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'outreach-attach-'));
    const running = await startEmulatorProcess(path.join(dataDir, 'emulator'));
    try {
      const config = parseConfig({ DATA_DIR: dataDir, GRAPH_EMULATOR_URL: running.info.baseUrl });
      if (!config.ok) throw new Error(JSON.stringify(config.error));
      const graph = await connectGraph(config.value);
      expect(graph.health).toMatchObject({ mode: 'embedded', baseUrl: running.info.baseUrl });
      expect(await graph.ports.stores.staff.list()).toEqual([]);
      await graph.stop();
      // The app does not own that emulator: stopping the app leaves it running.
      const again = await connectGraph(config.value);
      expect(again.site.siteId).toBe(graph.site.siteId);
    } finally {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a URL that is not the emulator recorded in the data folder stops start-up with a message', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'outreach-attach-'));
    try {
      const config = parseConfig({ DATA_DIR: dataDir, GRAPH_EMULATOR_URL: 'https://127.0.0.1:1/v1.0' });
      if (!config.ok) throw new Error(JSON.stringify(config.error));
      await expect(connectGraph(config.value)).rejects.toThrow(/emulator\.json does not exist/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
