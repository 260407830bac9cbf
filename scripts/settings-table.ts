import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { settingsShape } from '../app/config';

/**
 * Prints the README settings table, generated from the config schema.
 * `npm run settings-table` prints it; `npm run settings-table -- --write` replaces it in README.md.
 */

export const readmeMarkers = { start: '<!-- settings:start -->', end: '<!-- settings:end -->' } as const;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

// Output side: zod 4 defaults are output values (PORT's default sits after its string-to-number transform).
const describeSetting = (schema: z.ZodType): { default: string; description: string } => {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as {
    default?: unknown;
    description?: string;
    enum?: unknown[];
  };
  const choices = json.enum ? ` One of: ${json.enum.map((v) => `\`${String(v)}\``).join(', ')}.` : '';
  return {
    default: json.default === undefined ? '' : `\`${String(json.default)}\``,
    description: `${json.description ?? ''}${choices}`,
  };
};

export const settingsTable = (): string => {
  const rows = Object.entries(settingsShape).map(([name, schema]) => {
    const { default: dflt, description } = describeSetting(schema);
    return `| \`${name}\` | ${cell(dflt)} | ${cell(description)} |`;
  });
  return ['| Setting | Default | Description |', '|---|---|---|', ...rows].join('\n');
};

/** README text with the part between the markers replaced by the table. */
export const withSettingsTable = (readme: string, table: string): string => {
  const start = readme.indexOf(readmeMarkers.start);
  const end = readme.indexOf(readmeMarkers.end);
  if (start < 0 || end < start) throw new Error(`README.md lacks ${readmeMarkers.start} ... ${readmeMarkers.end}`);
  return `${readme.slice(0, start + readmeMarkers.start.length)}\n${table}\n${readme.slice(end)}`;
};

if (require.main === module) {
  const table = settingsTable();
  if (process.argv.includes('--write')) {
    const readmePath = path.resolve(__dirname, '..', 'README.md');
    writeFileSync(readmePath, withSettingsTable(readFileSync(readmePath, 'utf8'), table));
  } else {
    process.stdout.write(`${table}\n`);
  }
}
