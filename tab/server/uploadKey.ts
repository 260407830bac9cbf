import { createHash } from 'node:crypto';
import { z } from 'zod';

const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** What an Idempotency-Key header may be, in words (the answer to one that is not). */
export const idempotencyKeyRule = 'Idempotency-Key must be 8 to 64 letters, digits, hyphens or underscores';

export const validIdempotencyKey = (given: string): boolean => IdempotencyKey.safeParse(given).success;

/**
 * The key an upload is filed once by: the caller's (checked) Idempotency-Key when given, or one
 * derived from the case, the document, the name and the bytes, so the same file sent again through
 * either upload route (the tab's folder, the documents API) is filed once.
 */
export function uploadRequestKey(given: string | undefined, upload: { caseId: string; document: string; name: string; bytes: Uint8Array }): string {
  if (given !== undefined) return given;
  const { caseId, document, name, bytes } = upload;
  return `upload-${createHash('sha256').update(`${caseId}\n${document}\n${name}\n`).update(bytes).digest('hex').slice(0, 40)}`;
}
