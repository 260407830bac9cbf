import type { WorkflowError } from './errors';

/** What a use case or a rule returns: a value, or an error naming the rule or field it broke. */
export type Result<T, E = WorkflowError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });
