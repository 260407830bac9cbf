import path from 'node:path';

/** Where the Graph v1.0 metadata lives beside the repository: `<repoRoot>/../shared/reference/schemas/graph-v1.0.csdl`. */
export const defaultCsdlPath = (repoRoot: string): string =>
  path.resolve(repoRoot, '..', 'shared', 'reference', 'schemas', 'graph-v1.0.csdl');
