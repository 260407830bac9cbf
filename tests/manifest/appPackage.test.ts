import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { chatCommands } from '../../bot/cards';
import { buildAppPackage } from '../../manifest/appPackage';
import { readRgbaPng } from './pngFile';

const repoRoot = path.resolve(__dirname, '..', '..');
const settings = {
  TEAMS_APP_ID: '6f0c3a52-8d1e-4b7a-9c35-2e41d07b9a18',
  BOT_ID: '33333333-3333-4333-8333-333333333333',
  PUBLIC_HOSTNAME: 'outreach.example.org',
  VERSION: '1.2.3',
};

/** Errors from @microsoft/app-manifest's validateAgainstSchema, run offline in a child process (see validateManifestCli.ts). */
const schemaErrors = (manifest: unknown): string[] => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'manifest-')), 'manifest.json');
  writeFileSync(file, JSON.stringify(manifest));
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'validateManifestCli.ts'), file], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`validator failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
};

const openPackage = async (zip: Buffer) => {
  const archive = await JSZip.loadAsync(zip);
  const manifestFile = archive.file('manifest.json');
  if (!manifestFile) throw new Error('no manifest.json in the package');
  const manifest = JSON.parse(await manifestFile.async('string')) as Record<string, unknown> & { $schema: string };
  const icon = async (name: string) => {
    const file = archive.file(name);
    if (!file) throw new Error(`no ${name} in the package`);
    return readRgbaPng(await file.async('nodebuffer'));
  };
  return { files: Object.keys(archive.files).sort(), manifest, icon };
};

describe('the Teams app package', () => {
  it('holds exactly manifest.json and the two icons, at the root', async () => {
    const { files } = await openPackage(await buildAppPackage(settings));
    expect(files).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('has a manifest valid against the Teams schema it names (1.29 or newer), checked offline', async () => {
    const { manifest } = await openPackage(await buildAppPackage(settings));
    expect(manifest.$schema).toMatch(/^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.(29|[3-9]\d)\/MicrosoftTeams\.schema\.json$/);
    expect(Number(String(manifest.manifestVersion).split('.')[1])).toBeGreaterThanOrEqual(29);
    expect(schemaErrors(manifest)).toEqual([]);
  }, 60_000);

  it('the offline validation does catch a broken manifest', async () => {
    const { manifest } = await openPackage(await buildAppPackage(settings));
    const errors = schemaErrors({ ...manifest, accentColor: 'teal', bots: [{ botId: settings.BOT_ID }] });
    expect(errors.join('\n')).toMatch(/accentColor/);
    expect(errors.join('\n')).toMatch(/scopes/);
  }, 60_000);

  it('fills the app id, bot id, host name and version from the settings, leaving no placeholder', async () => {
    const { manifest } = await openPackage(await buildAppPackage(settings));
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{[A-Z_]+\}\}/);
    expect(manifest).toMatchObject({
      id: settings.TEAMS_APP_ID,
      version: '1.2.3',
      bots: [{ botId: settings.BOT_ID, scopes: ['personal', 'team'] }],
      validDomains: ['outreach.example.org'],
      webApplicationInfo: { id: settings.BOT_ID, resource: `api://outreach.example.org/botid-${settings.BOT_ID}` },
    });
  });

  it('has the My cases personal tab beside the chat, and a channel tab for the service\'s team, all on the app\'s host', async () => {
    const { manifest } = await openPackage(await buildAppPackage(settings));
    expect(manifest.staticTabs).toEqual([
      expect.objectContaining({ entityId: 'my-cases', name: 'My cases', scopes: ['personal'], contentUrl: 'https://outreach.example.org/tab/#/cases' }),
      { entityId: 'conversations', scopes: ['personal'] },
      { entityId: 'about', scopes: ['personal'] },
    ]);
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({ configurationUrl: 'https://outreach.example.org/tab/#/config', scopes: ['team'], context: ['channelTab'] }),
    ]);
  });

  it('lists the bot commands for the personal scope', async () => {
    const { manifest } = await openPackage(await buildAppPackage(settings));
    const bots = manifest.bots as { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    const titles = bots[0]?.commandLists[0]?.commands.map((c) => c.title);
    expect(bots[0]?.commandLists[0]?.scopes).toEqual(['personal']);
    expect(titles).toEqual(expect.arrayContaining(['help', 'new referral', 'my cases', 'log time']));
  });

  it('with the bot\'s own command list (as npm run package builds it), is still valid and lists exactly the bot\'s commands', async () => {
    const { manifest } = await openPackage(await buildAppPackage(settings, chatCommands));
    expect(schemaErrors(manifest)).toEqual([]);
    const bots = manifest.bots as { commandLists: { commands: { title: string }[] }[] }[];
    expect(bots[0]?.commandLists[0]?.commands.map((c) => c.title)).toEqual(chatCommands.map((c) => c.title));
  }, 60_000);

  it('has a 192x192 colour icon, opaque', async () => {
    const color = await (await openPackage(await buildAppPackage(settings))).icon('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
    const alphas = new Set(Array.from({ length: 192 * 192 }, (_, i) => color.pixels[i * 4 + 3]));
    expect([...alphas]).toEqual([255]);
  });

  it('has a 32x32 outline icon, white on transparent', async () => {
    const outline = await (await openPackage(await buildAppPackage(settings))).icon('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const pixels = Array.from({ length: 32 * 32 }, (_, i) => [...outline.pixels.subarray(i * 4, i * 4 + 4)]);
    const visible = pixels.filter(([, , , a]) => (a ?? 0) > 0);
    expect(visible.filter(([r, g, b]) => r !== 255 || g !== 255 || b !== 255)).toEqual([]);
    expect(pixels.filter(([, , , a]) => a === 0).length).toBeGreaterThan(32 * 32 / 2);
    expect(visible.filter(([, , , a]) => a === 255).length).toBeGreaterThan(50);
  });
});

describe('npm run package', () => {
  const run = (env: Record<string, string>, out: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'app', 'manifest', 'packageApp.ts'), '--out', out], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 60_000,
    });

  it('writes the package for the deployment the settings name', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'app-package-')), 'appPackage.zip');
    const result = run({ CLIENT_ID: settings.BOT_ID, PUBLIC_HOSTNAME: 'cases.example.net' }, out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { manifest } = await openPackage(readFileSync(out));
    expect(manifest).toMatchObject({ id: settings.TEAMS_APP_ID, validDomains: ['cases.example.net'], bots: [{ botId: settings.BOT_ID }] });
  }, 60_000);

  it('refuses without the app registration\'s CLIENT_ID and host name, naming both, and writes nothing', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'app-package-')), 'appPackage.zip');
    const result = run({}, out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CLIENT_ID: is required to package the app');
    expect(result.stderr).toContain('PUBLIC_HOSTNAME: is required to package the app');
    expect(() => readFileSync(out)).toThrow();
  }, 60_000);

  it('rejects a host name with a scheme, naming the setting', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'app-package-')), 'appPackage.zip');
    const result = run({ CLIENT_ID: settings.BOT_ID, PUBLIC_HOSTNAME: 'https://cases.example.net' }, out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PUBLIC_HOSTNAME: must be a host name');
  }, 60_000);
});
