import type { BodyOf, RecordAdded, RecordKind } from '../../../workflow';
import type { CardContext } from '../card';
import type { Fact, Outcome } from '../outcomes';
import { recordedBy } from '../recordedBy';

/** The record's body when it is of the kind expected (a repeat returns the record first written). */
export function bodyOf<K extends RecordKind>(added: RecordAdded, kind: K): BodyOf<K> | undefined {
  return added.record.body.kind === kind ? (added.record.body as BodyOf<K>) : undefined;
}

/**
 * "<What> recorded (step N)" for a record of steps 2-9; a step 10 record (a meeting of any other
 * purpose, a report, time) belongs to no step of the walk, so its headline names none.
 */
export function recordedHeadline(what: string, added: RecordAdded): string {
  const step = added.record.step;
  return step >= 2 && step <= 9 ? `${what} recorded (step ${step})` : `${what} recorded`;
}

/** "<What> recorded": the facts, and who recorded it and when. */
export async function recordOutcome(ctx: CardContext, added: RecordAdded, headline: string, facts: Fact[], detail?: string): Promise<Outcome> {
  return {
    headline,
    tone: 'good',
    facts,
    ...(detail ? { detail } : {}),
    by: await recordedBy(ctx, added.record.createdBy, added.record.createdAt),
  };
}

/** A confirmation with no inputs (send the request, check out, close...): one line of explanation. */
export const confirmText = (text: string): unknown[] => [{ type: 'TextBlock', text, wrap: true }];
