import { GraphError } from '@microsoft/microsoft-graph-client';

/** The HTTP status of a failed Graph call, or undefined for anything that is not a Graph answer. */
export function graphStatus(error: unknown): number | undefined {
  if (error instanceof GraphError) return error.statusCode;
  if (typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number') return error.statusCode;
  return undefined;
}

