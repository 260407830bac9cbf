/**
 * Builds the tab's browser app (tab/client) into tab/client/dist: index.html, app.js (and its
 * chunks/, loaded on demand), app.css.
 * `npm start` and `npm test` run it first, so a fresh clone serves the tab.
 *   npx tsx scripts/build-tab.ts [--dev]   (--dev: not minified)
 */
import { build, type Plugin } from 'esbuild';
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
<script type="module" src="/tab/app.js"></script>
</head>
<body>
<div id="root"><p style="font-family: sans-serif; padding: 16px">Loading Outreach Cases…</p></div>
<noscript>Outreach Cases needs JavaScript.</noscript>
</body>
</html>
`;

/**
 * zod 4's entry re-exports every language's error messages (`z.locales`, about 40 % of the
 * bundle); the tab shows the API's own messages and uses none of them. Only English is kept.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales-en', namespace: 'zod-locales' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
      contents: `export { default as en } from ${JSON.stringify(require.resolve('zod/v4/locales/en.js'))};`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

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
    // ES modules, split: the case page's parts (the Adaptive Cards renderer) load when a case is opened.
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: ['es2022'],
    platform: 'browser',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
    legalComments: 'linked',
    metafile: true,
    plugins: [zodEnglishOnly],
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
