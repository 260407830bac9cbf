import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { chatCommands } from '../../bot/cards';
import { buildAppPackage } from '../../manifest/appPackage';
import { formatConfigProblems, settingsShape } from '../config';
import { appVersion } from '../version';

/**
 * `npm run package`: writes appPackage.zip (manifest + icons) for the deployment the settings name.
 * Reads only the settings a package needs (CLIENT_ID, PUBLIC_HOSTNAME, TEAMS_APP_ID), so no secret has to
 * be present. CLIENT_ID is the one app registration: the manifest's bot id and the tab's sign-in
 * (webApplicationInfo) both name it. `--out <file>` writes elsewhere.
 */
const packagingSettings = z.object({
  CLIENT_ID: settingsShape.CLIENT_ID.unwrap().describe('required to package'),
  PUBLIC_HOSTNAME: settingsShape.PUBLIC_HOSTNAME.unwrap(),
  TEAMS_APP_ID: settingsShape.TEAMS_APP_ID,
});

const outPath = (argv: readonly string[]): string => {
  const index = argv.indexOf('--out');
  const given = index >= 0 ? argv[index + 1] : undefined;
  return path.resolve(given ?? path.join(__dirname, '..', '..', 'appPackage.zip'));
};

async function main(): Promise<void> {
  const env = Object.fromEntries(Object.keys(packagingSettings.shape).flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
  const parsed = packagingSettings.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      setting: String(issue.path[0] ?? '(settings)'),
      message: issue.code === 'invalid_type' ? 'is required to package the app' : issue.message,
    }));
    process.stderr.write(`${formatConfigProblems(problems)}\n`);
    process.exitCode = 1;
    return;
  }
  const { CLIENT_ID, PUBLIC_HOSTNAME, TEAMS_APP_ID } = parsed.data;
  // The manifest's command list is the bot's own, so the two cannot drift apart. The template's BOT_ID placeholder is CLIENT_ID.
  const zip = await buildAppPackage({ BOT_ID: CLIENT_ID, PUBLIC_HOSTNAME, TEAMS_APP_ID, VERSION: appVersion }, chatCommands);
  const file = outPath(process.argv);
  writeFileSync(file, zip);
  process.stdout.write(`wrote ${file} (${zip.length} bytes): Teams app ${TEAMS_APP_ID}, bot ${CLIENT_ID}, https://${PUBLIC_HOSTNAME}\n`);
}

void main();
