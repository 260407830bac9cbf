import { availableParallelism, loadavg } from 'node:os';

/** The p-th percentile (nearest rank) of some numbers; NaN for none. */
export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Milliseconds as a whole number, or a dash when not measured. */
export const ms = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '–' : String(Math.round(value)));

/** Time over the floor the network alone would cost (round trips x latency), as "1.23"; a dash when there is no floor. */
export const ratio = (timeMs: number | undefined, roundTrips: number, latencyMs: number): string =>
  timeMs === undefined || roundTrips * latencyMs === 0 ? '–' : (timeMs / (roundTrips * latencyMs)).toFixed(2);

/** Prints a markdown table: a title line, then the header; columns after the first are right-aligned. */
export function printTable(title: string, header: string[], rows: Array<Array<string | number>>): void {
  console.log(`\n${title}\n`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

/** A whole-number command-line option `--name=N` (at least `min`), or its default. */
export function numberOption(name: string, fallback: number, min = 1): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${min}, not ${raw}`);
  return value;
}

/** A number as letters, 1 = "a" (a child's name may not carry digits: the match key drops them). */
export const lettersOf = (n: number): string => (n <= 0 ? '' : lettersOf(Math.floor((n - 1) / 26)) + String.fromCharCode(97 + ((n - 1) % 26)));

/** The machine as the bench saw it: other work on it moves every time measured. */
export function printMachine(): void {
  const [oneMinute] = loadavg();
  console.log(`\nMachine: ${availableParallelism()} cores, load average ${oneMinute?.toFixed(1)} over the last minute (work other than this bench slows every time above).`);
}
