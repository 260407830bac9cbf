import { NotAttempted } from '../../errors';
import type { WriteBatching } from '../../ports/writeBatching';

interface PlannedWrite {
  name: string;
  after: readonly string[];
  run: () => Promise<unknown>;
  outcome?: { landed: true; value: unknown } | { landed: false; error: unknown } | { landed: false; refused: unknown };
}

/**
 * The writes of one action, collected and then made together: on Graph one `$batch` (a record,
 * the case update with its ETag, the audit line), in memory one after another. A write names the
 * writes that must land first; if one of those fails, it is not made. Each write keeps its own
 * guarantees (idempotency keys, ETags and re-deciding on 412), so a batch that half-succeeded is
 * safe to repeat. Each write should make one request when all goes well (a read it needs comes
 * before the unit), so that `dependsOn` orders the writes themselves.
 */
export class UnitOfWork {
  private readonly writes: PlannedWrite[] = [];
  /** Writes that failed (or were refused) while the unit's batch was still being gathered. */
  private readonly failed = new Set<string>();

  constructor(
    private readonly batching: WriteBatching,
    /** Names this unit in its requests (the action's idempotency key, or any id unique to it). */
    private readonly unit: string,
  ) {}

  /**
   * Plans a write, made at `flush`. `after`: names of this unit's writes that must land first.
   * Returns a reader of the write's value, to call after `flush`.
   */
  add<T>(name: string, write: () => Promise<T>, after: readonly string[] = []): () => T {
    if (this.writes.some((w) => w.name === name)) throw new Error(`The unit of work already has a write named ${name}`);
    const planned: PlannedWrite = { name, after, run: write };
    this.writes.push(planned);
    return () => {
      const outcome = planned.outcome;
      if (!outcome) throw new Error(`The write ${name} was read before the unit of work was flushed`);
      if (outcome.landed) return outcome.value as T;
      if ('error' in outcome) throw outcome.error;
      // A refused Result is the write's answer (a rule broken when it decided again): the use case reads it.
      if (isRefused(outcome.refused)) return outcome.refused as T;
      throw new Error(`The write ${name} was not made: a write it depends on did not land`);
    };
  }

  /** Whether the write of this name was planned and landed (after `flush`, even one that threw). */
  landed(name: string): boolean {
    return this.writes.some((w) => w.name === name && w.outcome?.landed === true);
  }

  /** Makes the writes; throws the first failure, after every write that could be made was made. */
  async flush(): Promise<void> {
    if (this.batching.together) await this.allAtOnce();
    else for (const write of this.writes) await this.make(write);
    const failed = this.writes.find((w) => w.outcome && !w.outcome.landed && 'error' in w.outcome);
    if (failed?.outcome && 'error' in failed.outcome) throw failed.outcome.error;
  }

  private async allAtOnce(): Promise<void> {
    await Promise.all(this.writes.map((w) => this.attempt(w)));
    // A write held back because one it depended on failed at first, and then landed (a 412 re-decided,
    // a repeat found by its key), is made now, on its own.
    for (const write of this.writes) {
      if (write.outcome && !write.outcome.landed && 'error' in write.outcome && write.outcome.error instanceof NotAttempted) {
        delete write.outcome;
        await this.make(write);
      }
    }
  }

  /** Makes one write unless a write it depends on failed (then it is not made). */
  private async make(write: PlannedWrite): Promise<void> {
    const blocked = this.writes.find((w) => write.after.includes(w.name) && !w.outcome?.landed);
    if (blocked) {
      write.outcome = blocked.outcome && 'error' in blocked.outcome ? { landed: false, error: blocked.outcome.error } : { landed: false, refused: blocked.name };
      return;
    }
    await this.attempt(write);
  }

  private async attempt(write: PlannedWrite): Promise<void> {
    try {
      const order = { unit: this.unit, name: write.name, after: write.after, prerequisiteFailed: () => write.after.some((name) => this.failed.has(name)) };
      const value = await this.batching.carry(order, write.run);
      // A write answering with a refused Result (a rule broken when re-deciding after a 412) did not land.
      write.outcome = isRefused(value) ? { landed: false, refused: value } : { landed: true, value };
    } catch (error) {
      write.outcome = { landed: false, error };
    }
    // A write held back (424) is made again later: only a write that failed on its own holds back the writes after it.
    const heldBack = 'error' in write.outcome && write.outcome.error instanceof NotAttempted;
    if (write.outcome.landed || heldBack) this.failed.delete(write.name);
    else this.failed.add(write.name);
  }
}

function isRefused(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'ok' in value && (value as { ok: unknown }).ok === false;
}
