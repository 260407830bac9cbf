import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prepareDataDir } from './dataDir';

const modeOf = (dir: string): string => (statSync(dir).mode & 0o777).toString(8);

describe('The server is too open: DATA_DIR is for this user only', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'outreach-datadir-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('a DATA_DIR that does not exist yet is made 0700', () => {
    const dir = path.join(parent, 'fresh', 'data');
    expect(prepareDataDir(dir)).toEqual({ closed: false });
    expect(modeOf(dir)).toBe('700');
  });

  it('an existing DATA_DIR open to others (0755, as an older run left it) is closed to 0700', () => {
    const dir = path.join(parent, 'older');
    prepareDataDir(dir);
    chmodSync(dir, 0o755);
    expect(prepareDataDir(dir)).toEqual({ closed: true });
    expect(modeOf(dir)).toBe('700');
  });
});
