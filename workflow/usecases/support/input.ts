import type { z } from 'zod';
import { workflowError } from '../../errors';
import { mustNotBeEmpty } from '../../model/common';
import { fail, ok, type Result } from '../../result';

/**
 * Parses input where it enters a use case; the error names the first bad field. A field left
 * out or empty reads "Reason is required." rather than zod's "expected string, received
 * undefined" (a schema's own message, e.g. "say what needs to change", is kept); `field` keeps
 * the input's path so a card can point at it.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>> {
  const parsed = schema.safeParse(input, { error: (iss) => (iss.path && iss.path.length > 0 && isBlank(iss.input) ? missing(iss.path) : undefined) });
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  // Zod's own messages for a blank field were replaced by the error map; Text's generic one is too.
  const blank = issue !== undefined && field !== undefined && (issue.message === missing(issue.path) || (issue.message === mustNotBeEmpty && isBlank(valueAt(input, issue.path))));
  // A check that names its rule (`params: { rule }`, see `upTo` in model/common) is refused under that rule;
  // one that words its own message in full (`params: { sentence: true }`, see personName) is not prefixed with the field.
  const rule = issue?.code === 'custom' && typeof issue.params?.rule === 'string' ? issue.params.rule : undefined;
  const sentence = issue?.code === 'custom' && issue.params?.sentence === true;
  const message = !issue ? 'The input is not valid.' : blank ? missing(issue.path) : sentence ? issue.message : `${field ? `${field}: ` : ''}${issue.message}`;
  return fail(workflowError('ValidationFailed', message, { ...(field ? { field } : {}), ...(rule ? { rule } : {}) }));
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const missing = (path: readonly PropertyKey[]): string => `${fieldWords(path)} is required.`;

/** The last named segment of a path in words: `workerId` -> "Worker", `child.dateOfBirth` -> "Date of birth". */
export function fieldWords(path: readonly PropertyKey[]): string {
  const name = [...path].reverse().find((k): k is string => typeof k === 'string' && !/^\d+$/.test(k)) ?? 'value';
  const words = name
    .replace(/Id$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
