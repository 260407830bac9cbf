/** The emulator's own notion of time (what it stamps on items, events and mail). */
export interface EmulatorClock {
  now(): Date;
}

/**
 * The emulator's time: real time by default; can be set to a given instant, from which it either keeps
 * running (local runs) or stays frozen (tests).
 */
export class SettableClock implements EmulatorClock {
  private offsetMs = 0;
  private frozenAt: Date | undefined;

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): Date {
    if (this.frozenAt) return new Date(this.frozenAt.getTime());
    return new Date(this.realNow() + this.offsetMs);
  }

  /** Set the time; `undefined` goes back to real time. */
  set(now: Date | undefined, frozen = false): void {
    this.frozenAt = undefined;
    this.offsetMs = 0;
    if (!now) return;
    if (frozen) this.frozenAt = new Date(now.getTime());
    else this.offsetMs = now.getTime() - this.realNow();
  }

  describe(): { now: string; frozen: boolean; real: boolean } {
    return { now: this.now().toISOString(), frozen: this.frozenAt !== undefined, real: !this.frozenAt && this.offsetMs === 0 };
  }
}
