// npm 11 refuses `npm ci` when the lock file lacks entries for optional platform bindings that
// the registry here does not serve (npm/cli#9846). This adds the missing entries, marked
// optional with their os/cpu, so `npm ci` skips them on Linux exactly as it would with a full
// lock. Run after any `npm install` that rewrites package-lock.json: node scripts/lock-platform-bindings.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const platform = (name) => {
  const os = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32'].find((o) => name.includes(`-${o}-`));
  const cpu = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x'].find((c) => name.includes(`-${c}`));
  const libc = name.endsWith('-musl') || name.endsWith('-musleabihf') ? ['musl'] : name.includes('-linux-') ? ['glibc'] : undefined;
  return { os, cpu, libc };
};
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (lock.packages[key] || lock.packages[`${path}/${key}`]) continue;
    const { os, cpu, libc } = platform(dep);
    if (!os || !cpu) continue;
    lock.packages[key] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
    added++;
  }
}
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} optional platform binding entries`);
