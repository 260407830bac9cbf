import path from 'node:path';

/**
 * The Graph v1.0 metadata this package carries (`data/graph-v1.0.csdl.gz`, gzip of the published
 * `https://graph.microsoft.com/v1.0/$metadata`; see data/SOURCE.md).
 */
export const bundledCsdlPath = (): string => path.resolve(__dirname, '..', '..', 'data', 'graph-v1.0.csdl.gz');
