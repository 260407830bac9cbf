/**
 * Builds the tab's browser app (tab/client) into tab/client/dist: index.html, app.js, app.css.
 * `npm start` and `npm test` run it first, so a fresh clone serves the tab.
 *   npx tsx scripts/build-tab.ts [--dev]   (--dev: not minified)
 */
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const client = path.join(root, 'tab', 'client');
const dist = path.join(client, 'dist');
const dev = process.argv.includes('--dev');

const indexHtml = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Outreach Cases</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/tab/app.css">
<script src="/tab/app.js" defer></script>
</head>
<body>
<div id="root"><p style="font-family: sans-serif; padding: 16px">Loading Outreach Cases…</p></div>
<noscript>Outreach Cases needs JavaScript.</noscript>
</body>
</html>
`;

async function main(): Promise<void> {
  const started = Date.now();
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const result = await build({
    entryPoints: { app: path.join(client, 'src', 'main.tsx') },
    outdir: dist,
    bundle: true,
    minify: !dev,
    sourcemap: 'linked',
    format: 'iife',
    target: ['es2022'],
    platform: 'browser',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(path.join(dist, 'index.html'), indexHtml);
  const outputs = Object.entries(result.metafile.outputs)
    .filter(([file]) => !file.endsWith('.map'))
    .map(([file, o]) => `${path.basename(file)} ${(o.bytes / 1024).toFixed(0)} KB`);
  console.log(`tab built in ${Date.now() - started} ms: ${outputs.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
