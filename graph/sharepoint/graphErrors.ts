import { GraphError } from '@microsoft/microsoft-graph-client';

/** The HTTP status of a failed Graph call, or undefined for anything that is not a Graph answer. */
export function graphStatus(error: unknown): number | undefined {
  if (error instanceof GraphError) return error.statusCode;
  if (typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number') return error.statusCode;
  return undefined;
}


/** The Graph error code of a failed call (e.g. nameAlreadyExists), or undefined. */
export function graphErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}
