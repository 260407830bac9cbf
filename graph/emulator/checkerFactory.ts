import { defaultCsdlPath } from './csdl/csdlPath';
import { loadGraphMetadata } from './csdl/loadGraphMetadata';
import type { GraphMetadataChecker } from './csdl/types';

/** The Graph v1.0 metadata checker every request goes through (`../shared/reference/schemas/graph-v1.0.csdl`). */
export const createMetadataChecker = (repoRoot: string): GraphMetadataChecker => loadGraphMetadata(defaultCsdlPath(repoRoot));
