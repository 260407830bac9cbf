import { bundledCsdlPath } from './csdl/csdlPath';
import { loadGraphMetadata } from './csdl/loadGraphMetadata';
import type { GraphMetadataChecker } from './csdl/types';

/** The Graph v1.0 metadata checker every request goes through (the metadata this package carries). */
export const createMetadataChecker = (): GraphMetadataChecker => loadGraphMetadata(bundledCsdlPath());
