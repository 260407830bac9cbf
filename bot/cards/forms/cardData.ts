import { z } from 'zod';
import { EntraObjectId, ListItemId } from '../../../workflow';
import type { FormValues } from './formValues';

/** What is wrong with a card's data, by the input or action-data name. */
export interface CardDataProblem {
  field: string;
  message: string;
}

/** The key a card carries from opening a form to submitting it (IdSource.randomCode, or a test's key). */
const RequestKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be the key the form was opened with');
const StepText = z.string().regex(/^(10|[1-9])$/, 'must be a step number from 1 to 10');

/**
 * The ids a card's data can carry, by name, and their shape: list item ids for cases, records,
 * contracts, schools and purchases; Entra object ids for staff. Lists are comma-separated
 * (a multi-select). An empty value is left to the use case, which names it as missing.
 */
const idShapes: Record<string, { shape: z.ZodString; list?: true }> = {
  caseId: { shape: ListItemId },
  recordId: { shape: ListItemId },
  contractId: { shape: ListItemId },
  schoolId: { shape: ListItemId },
  meetingId: { shape: ListItemId },
  childId: { shape: ListItemId },
  purchaseIds: { shape: ListItemId, list: true },
  workerId: { shape: EntraObjectId },
  namedApprovers: { shape: EntraObjectId, list: true },
  requestKey: { shape: RequestKey },
  openedAtStep: { shape: StepText },
};

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * A card's data as form values: only plain values, and every id in its shape. The first problem
 * names the field, so the refusal can say which.
 */
export function parseCardData(data: unknown): { ok: true; values: FormValues } | { ok: false; problem: CardDataProblem } {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, problem: { field: 'data', message: 'must be the values of a card' } };
  const values: FormValues = {};
  for (const [field, raw] of Object.entries(data)) {
    const scalar = Scalar.safeParse(raw);
    if (!scalar.success) return { ok: false, problem: { field, message: 'must be a plain value (text, a number or a yes/no)' } };
    const value = scalar.data === null ? '' : String(scalar.data);
    const id = idShapes[field];
    if (id && value.trim() !== '') {
      const parts = id.list ? value.split(',').map((s) => s.trim()).filter((s) => s.length > 0) : [value];
      const bad = parts.map((p) => id.shape.safeParse(p)).find((r) => !r.success)?.error;
      if (bad) return { ok: false, problem: { field, message: bad.issues[0]?.message ?? 'is not valid' } };
    }
    values[field] = value;
  }
  return { ok: true, values };
}
