import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { z } from 'zod';
import { chatCommands } from '../../bot/cards';
import { buildAppPackage } from '../../manifest/appPackage';
import { appVersion } from '../version';

/** Before the app registration exists (a dry run on an empty tenant) the package is built with this in its place. */
const placeholderAppId = '00000000-0000-0000-0000-000000000000';

export interface TeamsPackage {
  version: string;
  zip(): Promise<Buffer>;
}

/** The package given with --package (its manifest's version), or the one `npm run package` would build for this app registration. */
export async function teamsPackage(options: { packageFile?: string; appId: string | undefined; publicHostname: string; teamsAppId: string }): Promise<TeamsPackage> {
  if (options.packageFile) {
    const bytes = readFileSync(options.packageFile);
    const manifest = await (await JSZip.loadAsync(bytes)).file('manifest.json')?.async('string');
    const version = z.object({ version: z.string() }).parse(JSON.parse(manifest ?? '{}')).version;
    return { version, zip: async () => bytes };
  }
  return {
    version: appVersion,
    zip: () => buildAppPackage({ BOT_ID: options.appId ?? placeholderAppId, PUBLIC_HOSTNAME: options.publicHostname, TEAMS_APP_ID: options.teamsAppId, VERSION: appVersion }, chatCommands),
  };
}
