import type { CaseLocks } from '../../workflow';

/**
 * A keyed mutex in this process: each case's work is chained after the work already queued for
 * it. The map holds only cases with work in flight or waiting (the last one out removes its entry).
 * Created once per app instance by the composition (mountBot); two instances do not see each other.
 */
export function inMemoryCaseLocks(): CaseLocks {
  const tails = new Map<string, Promise<void>>();
  return {
    async withCase<T>(caseId: string, work: () => Promise<T>): Promise<T> {
      const before = tails.get(caseId) ?? Promise.resolve();
      let release = (): void => undefined;
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = before.then(() => mine);
      tails.set(caseId, tail);
      await before;
      try {
        return await work();
      } finally {
        release();
        if (tails.get(caseId) === tail) tails.delete(caseId);
      }
    },
  };
}
