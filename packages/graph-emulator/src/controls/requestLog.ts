/** What the emulator served, without bodies: for tests and the local run's diagnostics. */
export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** Set for a sub-request of a `$batch`: the batch request's id. */
  batchRequestId?: string;
  fault?: 'injected' | 'afterCommit' | 'throttled' | 'overBudget';
  /** SharePoint resource units the request cost (0 for mail, calendar and the `$batch` envelope). */
  resourceUnits: number;
}

export interface RequestCounters {
  total: number;
  byStatus: Record<string, number>;
  byMethod: Record<string, number>;
  /** Sum of the entries' resource units. */
  resourceUnits: number;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private counters: RequestCounters = { total: 0, byStatus: {}, byMethod: {}, resourceUnits: 0 };

  constructor(private readonly capacity = 5000) {}

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    this.counters.total += 1;
    this.counters.resourceUnits += entry.resourceUnits;
    const s = String(entry.status);
    this.counters.byStatus[s] = (this.counters.byStatus[s] ?? 0) + 1;
    this.counters.byMethod[entry.method] = (this.counters.byMethod[entry.method] ?? 0) + 1;
  }

  snapshot(): { entries: RequestLogEntry[]; counters: RequestCounters } {
    return {
      entries: this.entries.map((e) => ({ ...e })),
      counters: { total: this.counters.total, byStatus: { ...this.counters.byStatus }, byMethod: { ...this.counters.byMethod }, resourceUnits: this.counters.resourceUnits },
    };
  }

  reset(): void {
    this.entries = [];
    this.counters = { total: 0, byStatus: {}, byMethod: {}, resourceUnits: 0 };
  }
}
