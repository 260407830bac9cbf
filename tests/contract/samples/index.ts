export * from './caseSamples';
export * from './fresh';
export * from './recordSamples';
import { freshCase } from './caseSamples';

/** For callers that number their samples (tests/graph/processOnGraph.test.ts); every case is fresh anyway. */
export const sampleCase = (_n?: number) => freshCase();
