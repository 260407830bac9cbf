import type { z } from 'zod';
import { workflowError } from '../../errors';
import { fail, ok, type Result } from '../../result';

/** Parses input where it enters a use case; the error names the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const message = issue ? `${field ? `${field}: ` : ''}${issue.message}` : 'The input is not valid.';
  return fail(workflowError('ValidationFailed', message, field ? { field } : {}));
}
