import { existsSync } from 'node:fs';
import { parseConfig } from '../config';
import { listeningPort, playgroundCli, playgroundCommand } from './playgroundCommand';

const input = { botEndpoint: 'http://localhost:3978/api/messages', port: 56150, configFile: '/repo/.m365agentsplayground.yml', logDir: '/data/playground' };

describe('the Playground command', () => {
  it('runs the installed Playground against the bot on the Teams channel, without telemetry', () => {
    const { args } = playgroundCommand(input, {});
    expect(existsSync(playgroundCli())).toBe(true);
    expect(args.slice(1)).toEqual(['-e', 'http://localhost:3978/api/messages', '-c', 'msteams', '-p', '56150', '--disable-telemetry']);
  });

  it('opens no browser, reads our user file and logs into the data folder, keeping the parent environment', () => {
    const { env } = playgroundCommand(input, { PATH: '/usr/bin' });
    expect(env).toEqual({
      PATH: '/usr/bin',
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: '/repo/.m365agentsplayground.yml',
      M365_AGENTS_PLAYGROUND_LOGFILE: '/data/playground/m365agentsplayground.log',
    });
  });

  it('reads the port from the line printed when it listens, and nothing from other lines', () => {
    expect(listeningPort('Listening on 56150')).toBe(56150);
    expect(listeningPort('Listening on 40001\n')).toBe(40001);
    expect(listeningPort('Microsoft 365 Agents Playground is being launched: http://localhost:56150')).toBeUndefined();
    expect(listeningPort('Listening on')).toBeUndefined();
  });
});

describe('PLAYGROUND settings', () => {
  it("starts the manager's Playground on 56150 and the worker's on 56151 by default with the embedded Graph", () => {
    const result = parseConfig({});
    expect(result.ok && result.value.playground).toEqual({ port: 56150, workerPort: 56151 });
  });

  it('PLAYGROUND=off leaves it out, PLAYGROUND_PORT moves it', () => {
    const off = parseConfig({ PLAYGROUND: 'off' });
    expect(off.ok && 'playground' in off.value).toBe(false);
    const moved = parseConfig({ PLAYGROUND_PORT: '40123', PLAYGROUND_WORKER_PORT: '40124' });
    expect(moved.ok && moved.value.playground).toEqual({ port: 40123, workerPort: 40124 });
  });

  it('never starts it in tenant mode', () => {
    const result = parseConfig({
      TENANT_ID: '11111111-1111-4111-8111-111111111111',
      CLIENT_ID: '22222222-2222-4222-8222-222222222222',
      CLIENT_SECRET: 'secret-value-123',
      SITE_ID: 'site',
    });
    expect(result.ok && result.value.graph.mode).toBe('tenant');
    expect(result.ok && 'playground' in result.value).toBe(false);
  });

  it('rejects a PLAYGROUND value other than on or off, naming the setting', () => {
    const result = parseConfig({ PLAYGROUND: 'yes' });
    expect(result.ok ? [] : result.error).toEqual([{ setting: 'PLAYGROUND', message: 'must be one of on, off' }]);
  });
});
