import path from 'node:path';
import { defaultCsdlPath } from './csdlPath';

describe('defaultCsdlPath', () => {
  it('points beside the repository, at shared/reference/schemas', () => {
    expect(defaultCsdlPath('/work/main')).toBe(path.resolve('/work/shared/reference/schemas/graph-v1.0.csdl'));
  });
});
