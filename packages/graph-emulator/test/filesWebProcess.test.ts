import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { startEmulatorProcess, type EmbeddedGraph } from '../src';

describe('the embedded Graph started with filesWebBase', () => {
  jest.setTimeout(60_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'graph-emulator-files-'));
  let embedded: EmbeddedGraph;
  afterAll(async () => {
    await embedded?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const filesWeb = async (): Promise<unknown> => {
    const dispatcher = new Agent({ connect: { ca: embedded.caCertificate } });
    const answer = await request(`${embedded.info.adminUrl}/files-web`, { dispatcher, headers: { authorization: `Bearer ${embedded.info.token}` } });
    const body = await answer.body.json();
    await dispatcher.close();
    return body;
  };

  it('takes it from its start, and from setFilesWebBase later', async () => {
    embedded = await startEmulatorProcess(dataDir, { filesWebBase: 'http://127.0.0.1:3978/demo/files' });
    expect(await filesWeb()).toEqual({ filesWebBase: 'http://127.0.0.1:3978/demo/files' });
    await embedded.setFilesWebBase('http://127.0.0.1:41234/demo/files');
    expect(await filesWeb()).toEqual({ filesWebBase: 'http://127.0.0.1:41234/demo/files' });
    await embedded.setFilesWebBase(undefined);
    expect(await filesWeb()).toEqual({ filesWebBase: null });
  });
});
