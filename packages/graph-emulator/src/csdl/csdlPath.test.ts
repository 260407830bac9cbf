import { existsSync } from 'node:fs';
import path from 'node:path';
import { bundledCsdlPath } from './csdlPath';

describe('bundledCsdlPath', () => {
  it('points inside this package, at data/graph-v1.0.csdl.gz, which exists', () => {
    const packageRoot = path.resolve(__dirname, '..', '..');
    expect(bundledCsdlPath()).toBe(path.join(packageRoot, 'data', 'graph-v1.0.csdl.gz'));
    expect(existsSync(bundledCsdlPath())).toBe(true);
  });
});
