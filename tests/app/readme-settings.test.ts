import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readmeMarkers, settingsTable, withSettingsTable } from '../../scripts/settings-table';

const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

describe('README settings table', () => {
  it('is exactly the table generated from the config schema (run `npm run settings-table -- --write`)', () => {
    const start = readme.indexOf(readmeMarkers.start);
    const end = readme.indexOf(readmeMarkers.end);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(readme.slice(start + readmeMarkers.start.length, end).trim()).toBe(settingsTable());
  });

  it('lists every setting with its default', () => {
    const table = settingsTable();
    expect(table).toContain('| `PORT` | `3978` |');
    expect(table).toContain('| `DATA_DIR` | `./.data` |');
    expect(table).toMatch(/\| `CLIENT_SECRET` \| {2}\| Tenant mode/);
  });

  it('replacing the table leaves the rest of the README as it was', () => {
    const before = `intro\n${readmeMarkers.start}\nold\n${readmeMarkers.end}\noutro\n`;
    expect(withSettingsTable(before, 'NEW')).toBe(`intro\n${readmeMarkers.start}\nNEW\n${readmeMarkers.end}\noutro\n`);
  });

  it('refuses to write into a README without the markers', () => {
    expect(() => withSettingsTable('no markers here', 'NEW')).toThrow(readmeMarkers.start);
  });
});
