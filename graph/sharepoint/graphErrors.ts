import { GraphError } from '@microsoft/microsoft-graph-client';

/** The HTTP status of a failed Graph call, or undefined for anything that is not a Graph answer. */
export function graphStatus(error: unknown): number | undefined {
  if (error instanceof GraphError) return error.statusCode;
  if (typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number') return error.statusCode;
  return undefined;
}

/** A value that a unique column already holds (other than the idempotency key): the caller may pick another. */
export class DuplicateValue extends Error {
  constructor(readonly list: string) {
    super(`A value that must be unique in ${list} is already used`);
    this.name = 'DuplicateValue';
  }
}
