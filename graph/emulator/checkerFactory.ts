import type { GraphMetadataChecker } from './csdl/types';

/**
 * Where `main` gets the Graph metadata checker. The real loader lives in `./csdl` (written separately);
 * until it exists this factory refuses to start rather than serve unchecked requests.
 */
export const createMetadataChecker = (_repoRoot: string): GraphMetadataChecker => {
  throw new Error('graph/emulator/csdl/index.ts (loadGraphMetadata) is not available yet');
};
