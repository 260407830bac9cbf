import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { accentColor, colorIcon, outlineIcon } from './icons/drawIcons';
import { fillManifest, type ManifestCommand, type PackagingValues } from './fillManifest';

export const manifestTemplatePath = path.join(__dirname, 'manifest.template.json');

export type AppPackageSettings = Omit<PackagingValues, 'ACCENT_COLOR'>;

/** The Teams app package: manifest.json and the two icons it names, at the root of a zip. */
export async function buildAppPackage(settings: AppPackageSettings, commands?: readonly ManifestCommand[]): Promise<Buffer> {
  const template: unknown = JSON.parse(readFileSync(manifestTemplatePath, 'utf8'));
  const manifest = fillManifest(template, { ...settings, ACCENT_COLOR: accentColor }, commands);
  const zip = new JSZip();
  // A fixed date: the same inputs give the same bytes.
  const date = new Date('2025-01-01T00:00:00Z');
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  zip.file('color.png', colorIcon(), { date });
  zip.file('outline.png', outlineIcon(), { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
