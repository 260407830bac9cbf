import type { BotLog } from './botLog';

/**
 * Work that goes on after a turn has answered (an interim card's update, remembering a
 * conversation). Kept so shutdown and tests can wait for it; a failure is logged, never lost.
 */
export class BackgroundWork {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly log: BotLog) {}

  run(name: string, work: () => Promise<void>): void {
    const running = work()
      .catch((error: unknown) => this.log.error({ work: name, error: errorSummary(error) }, 'background work failed'))
      .finally(() => this.pending.delete(running));
    this.pending.add(running);
  }

  /** Resolves when everything started so far (and anything it starts) has finished. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  get size(): number {
    return this.pending.size;
  }
}

/** An error's name, code and status: enough to diagnose, with no request or response bodies. */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error };
  const e = error as Error & { code?: unknown; statusCode?: unknown; status?: unknown };
  // A connector error's message can quote the activity sent (a card with a child's name): leave it out.
  const message = e.name === 'HttpError' ? undefined : e.message.slice(0, 160);
  return { name: e.name, ...(message ? { message } : {}), ...(e.code !== undefined ? { code: e.code } : {}), ...(e.statusCode !== undefined ? { statusCode: e.statusCode } : {}), ...(e.status !== undefined ? { status: e.status } : {}) };
}
