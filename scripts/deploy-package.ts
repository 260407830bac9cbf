/**
 * Builds the zip that App Service runs: `npm run package:deploy` (after `npm ci`).
 *
 *   npx tsx scripts/deploy-package.ts [--out <zip>] [--work-dir <folder>] [--skip-tab]
 *   (--out: default dist/outreach-cases-<version>.zip; --work-dir: where the package is laid out
 *   before zipping, default dist/deploy; --skip-tab: use tab/client/dist as it is)
 *
 * The zip holds:
 * - server.cjs: app/main.ts and everything it imports, bundled by esbuild into one CommonJS file,
 *   so the server starts with `node server.cjs` (no tsx, no build on the server:
 *   SCM_DO_BUILD_DURING_DEPLOYMENT=false);
 * - the files the app reads at run time, at the paths it reads them from: tab/client/dist (built
 *   here first), data/ and documents/templates/;
 * - package.json (start: `node server.cjs`) and node_modules/ with only the packages left outside
 *   the bundle that are installed (see `external` below).
 * The embedded Graph's server (SQLite, a native module) is not in it: see `noEmbeddedGraph`.
 */
import { build, type Plugin } from 'esbuild';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

/**
 * Left out of the bundle, and shipped in node_modules when installed:
 * - OpenTelemetry and the Azure Monitor distro: the Agents SDK loads `@opentelemetry/api` only if
 *   present, the distro reads its own files and patches modules as they are required, and every
 *   user of the OpenTelemetry API must share one copy of it;
 * - better-sqlite3 (native) and the Agents Playground: the embedded Graph and the local chat only,
 *   never loaded in tenant mode.
 */
export const external = ['@opentelemetry/*', '@azure/monitor-opentelemetry', '@azure/monitor-opentelemetry-exporter', 'applicationinsights', 'better-sqlite3', '@microsoft/m365agentsplayground'];

/** Files beside the bundle, as the source tree has them (each module's `__dirname` is kept, below). */
const runtimeFiles = ['data', path.join('documents', 'templates'), path.join('tab', 'client', 'dist')];

export const noEmbeddedGraphMessage =
  'This deployment package has no embedded Graph: set the tenant settings (TENANT_ID, CLIENT_ID, the site), or run the app from the repository with npm start.';

/**
 * '@outreach/graph-emulator' in the bundle: only what attaches to an embedded Graph already running
 * (GRAPH_EMULATOR_URL) and the default site's name. Starting one would run its TypeScript with tsx
 * and SQLite, which the package does not carry; it says so instead.
 */
const noEmbeddedGraph: Plugin = {
  name: 'no-embedded-graph',
  setup(builder) {
    builder.onResolve({ filter: /^@outreach\/graph-emulator$/ }, () => ({ path: 'graph-emulator-lite', namespace: 'deploy-shim' }));
    builder.onLoad({ filter: /.*/, namespace: 'deploy-shim' }, () => {
      const src = path.join(root, 'packages', 'graph-emulator', 'src');
      return {
        contents: [
          `export * from ${JSON.stringify(path.join(src, 'process', 'emulatorProcess.ts'))};`,
          `export * from ${JSON.stringify(path.join(src, 'defaultSite.ts'))};`,
          `export async function startEmulatorProcess() { throw new Error(${JSON.stringify(noEmbeddedGraphMessage)}); }`,
        ].join('\n'),
        loader: 'ts',
        resolveDir: root,
      };
    });
  },
};

/**
 * The app finds its files from each module's own folder (`path.resolve(__dirname, '..', 'data')`).
 * In one bundle every module would share the bundle's folder, so each repository module's
 * `__dirname` becomes its source folder under the package root, where those files are copied.
 */
const sourceDirname: Plugin = {
  name: 'source-dirname',
  setup(builder) {
    builder.onLoad({ filter: /\.tsx?$/ }, (args) => {
      const relative = path.relative(root, args.path);
      if (relative.startsWith('..') || relative.split(path.sep).includes('node_modules')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!/\b__dirname\b/.test(source)) return undefined;
      const folder = JSON.stringify(path.dirname(relative).split(path.sep).join('/'));
      return {
        contents: source.replace(/\b__dirname\b/g, `require('node:path').join(__dirname, ${folder})`),
        loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
      };
    });
  },
};

interface PackageJson {
  name: string;
  version: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const readPackage = (dir: string): PackageJson => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;

/** Where Node would find package `name` from `fromDir` (walking up node_modules folders), or undefined. */
function findPackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', ...name.split('/'));
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root || path.dirname(dir) === dir) return undefined;
  }
}

/** Installed packages matching the external patterns (a pattern `@scope/*` is every installed package of that scope). */
function installedExternals(): string[] {
  return external.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return findPackageDir(pattern, root) ? [pattern] : [];
    const scope = pattern.slice(0, -2);
    const scopeDir = path.join(root, 'node_modules', scope);
    return existsSync(scopeDir) ? readdirSync(scopeDir).map((name) => `${scope}/${name}`) : [];
  });
}

/** The packages to ship and everything they depend on, as folders of the repository's node_modules (nesting kept). */
function dependencyClosure(names: readonly string[], skip: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const visit = (name: string, fromDir: string, optional: boolean) => {
    const dir = findPackageDir(name, fromDir);
    if (!dir) {
      if (optional) return;
      throw new Error(`${name} is needed at run time but is not installed: run npm ci first.`);
    }
    if (found.has(dir)) return;
    found.add(dir);
    const pkg = readPackage(dir);
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const name of names) if (!skip.has(name)) visit(name, root, false);
  return [...found].sort();
}

function addFolder(zip: JSZip, dir: string, into: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const name = into ? `${into}/${entry.name}` : entry.name;
    if (entry.isDirectory()) count += addFolder(zip, full, name);
    else if (entry.isFile()) {
      zip.file(name, readFileSync(full), { unixPermissions: statSync(full).mode, date: new Date('2000-01-01T00:00:00Z') });
      count += 1;
    }
  }
  return count;
}

export interface DeployPackage {
  zip: string;
  bytes: number;
  files: number;
  /** The packages shipped in node_modules (names), empty when everything is in the bundle. */
  modules: string[];
}

/** Builds the bundle and the zip. `skipTab` uses tab/client/dist as it is (tests). */
export async function buildDeployPackage(options: { out?: string; workDir?: string; skipTab?: boolean } = {}): Promise<DeployPackage> {
  const rootPackage = readPackage(root);
  const workDir = options.workDir ?? path.join(root, 'dist', 'deploy');
  const folder = path.join(workDir, 'package');
  const out = path.resolve(options.out ?? path.join(root, 'dist', `outreach-cases-${rootPackage.version}.zip`));
  if (!options.skipTab) execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'build-tab.ts')], { cwd: root, stdio: 'inherit' });
  if (!existsSync(path.join(root, 'tab', 'client', 'dist', 'index.html'))) throw new Error('tab/client/dist is missing: run npm run build:tab first.');

  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  await build({
    entryPoints: [path.join(root, 'app', 'main.ts')],
    outfile: path.join(folder, 'server.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Readable stack traces in the App Service log: names and lines kept, only whitespace squeezed.
    minifyWhitespace: true,
    legalComments: 'linked',
    sourcemap: 'external',
    external,
    plugins: [noEmbeddedGraph, sourceDirname],
    logLevel: 'warning',
    // The Playground's path is resolved only when it starts (embedded runs only).
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  // The map stays beside the zip, for reading a stack trace; the server does not need it.
  const map = path.join(folder, 'server.cjs.map');
  cpSync(map, `${out.replace(/\.zip$/, '')}.server.cjs.map`);
  rmSync(map);
  for (const files of runtimeFiles) cpSync(path.join(root, files), path.join(folder, files), { recursive: true, filter: (f) => !f.endsWith('.map') });

  const shipped = installedExternals();
  // Never the embedded Graph's or the Playground's: tenant mode does not load them.
  const modules = dependencyClosure(shipped, new Set(['better-sqlite3', '@microsoft/m365agentsplayground']));
  const moduleNames = modules.map((dir) => readPackage(dir).name);
  // Their nested node_modules are copied as folders of their own; type declarations and source maps are not needed to run.
  const needed = (f: string, dir: string) => (!/[\\/]node_modules$/.test(f) || f === dir) && !/\.(map|d\.[cm]?ts|[cm]?ts)$/.test(f);
  for (const dir of modules) cpSync(dir, path.join(folder, path.relative(root, dir)), { recursive: true, filter: (f) => needed(f, dir) });
  const dependencies = Object.fromEntries(
    shipped.filter((name) => moduleNames.includes(name)).map((name) => [name, readPackage(findPackageDir(name, root) as string).version]),
  );
  writeFileSync(
    path.join(folder, 'package.json'),
    `${JSON.stringify(
      {
        name: rootPackage.name,
        version: rootPackage.version,
        private: true,
        description: 'Outreach Cases, built for App Service by npm run package:deploy. Start: node server.cjs.',
        engines: rootPackage.engines,
        scripts: { start: 'node server.cjs' },
        dependencies,
      },
      null,
      2,
    )}\n`,
  );

  const zip = new JSZip();
  const files = addFolder(zip, folder, '');
  const bytes = await zip.generateAsync({ type: 'nodebuffer', platform: 'UNIX', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  // Only the zip is kept: a second package.json left in the repository would confuse jest.
  rmSync(folder, { recursive: true, force: true });
  return { zip: out, bytes: bytes.length, files, modules: moduleNames };
}

async function main(): Promise<void> {
  const started = Date.now();
  const flag = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const out = flag('--out');
  const workDir = flag('--work-dir');
  const built = await buildDeployPackage({ ...(out ? { out } : {}), ...(workDir ? { workDir: path.resolve(workDir) } : {}), skipTab: process.argv.includes('--skip-tab') });
  const size = (built.bytes / 1024 / 1024).toFixed(1);
  process.stdout.write(
    [
      `Built ${path.relative(process.cwd(), built.zip)}: ${size} MB, ${built.files} files, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      `node_modules: ${built.modules.length === 0 ? 'none (everything is in server.cjs)' : built.modules.join(', ')}.`,
      'Deploy it with: az webapp deploy --resource-group <group> --name <app> --type zip --src-path ' + path.relative(process.cwd(), built.zip),
      'Startup command: node server.cjs',
      '',
    ].join('\n'),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
