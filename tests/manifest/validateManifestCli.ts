import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';

/**
 * Validates a manifest.json against the Teams schema it names, using the copy of that schema bundled
 * in @microsoft/app-manifest (never the network). Prints the errors as a JSON array.
 * A separate process because @microsoft/app-manifest loads ESM-only modules that jest cannot require.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: validateManifestCli <manifest.json>');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as TeamsManifest & { $schema: string };
  const suffix = new URL(manifest.$schema).pathname.replace(/^\//, '');
  const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const schema = JSON.parse(readFileSync(path.join(packageRoot, 'build', suffix), 'utf8'));
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
  process.stdout.write(`${JSON.stringify(errors)}\n`);
}

void main();
