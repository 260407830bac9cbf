import { z } from 'zod';
import { RecordBody, type BodyOf, type RecordKind } from '../../model/records';
import type { Result } from '../../result';
import { parseInput } from './input';

const RecordTarget = z.object({
  caseId: z.string().min(1),
  /** One per card or form submission: a repeat records nothing twice. */
  requestKey: z.string().min(8),
});
export type RecordTarget = z.infer<typeof RecordTarget>;

/** Parses `{ caseId, requestKey, ...fields }` into the target case and a record body of `kind`. */
export function parseRecordInput<K extends RecordKind>(kind: K, raw: unknown): Result<RecordTarget & { body: BodyOf<K> }> {
  const member = RecordBody.options.find((o) => o.shape.kind.value === kind);
  if (!member) throw new Error(`No record kind ${kind}`);
  const schema = RecordTarget.extend(member.shape).extend({ kind: z.literal(kind).default(kind) });
  const parsed = parseInput(schema, raw);
  if (!parsed.ok) return parsed;
  const { caseId, requestKey, ...body } = parsed.value as RecordTarget & Record<string, unknown>;
  return { ok: true, value: { caseId, requestKey, body: body as BodyOf<K> } };
}
