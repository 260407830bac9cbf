import type { Case, CaseRecord, Child, Contract, HistorySnapshot, Purchase, ServiceHistory, Versioned } from '../../workflow';
import { graphStatus } from './graphErrors';

/** A full read again this often: it catches what a warm read cannot see (items edited by hand in SharePoint, deletions). */
export const FULL_READ_INTERVAL_MS = 30 * 60_000;
/**
 * A warm read asks for what changed since the last read started, less this margin: another
 * instance's clock may run behind this one's, and SharePoint keeps whole seconds.
 */
export const CLOCK_SKEW_MARGIN_MS = 2 * 60_000;

/** What the history needs of one list: all of it, or what was written through the app since a time (its ChangedAt column). */
export interface ChangingList<T extends { id: string }> {
  everything(): Promise<Versioned<T>[]>;
  changedSince(since: Date): Promise<Versioned<T>[]>;
}

export interface HistorySources {
  cases: ChangingList<Case>;
  children: ChangingList<Child>;
  records: ChangingList<CaseRecord>;
  contracts: ChangingList<Contract>;
  /** The Purchases list as the app keeps it (its ReferenceCache: small, already in the process). */
  purchases: { list(): Promise<Versioned<Purchase>[]> };
}

export interface ServiceHistoryTiming {
  /** Milliseconds since the epoch (a settable clock in tests). */
  now: () => number;
  fullReadMs: number;
  marginMs: number;
}

export const defaultHistoryTiming: ServiceHistoryTiming = { now: () => Date.now(), fullReadMs: FULL_READ_INTERVAL_MS, marginMs: CLOCK_SKEW_MARGIN_MS };

type Kept<T> = Map<string, Versioned<T>>;
interface Lists {
  cases: Kept<Case>;
  children: Kept<Child>;
  records: Kept<CaseRecord>;
  contracts: Kept<Contract>;
}

/**
 * The service's whole history (Cases, Children, CaseRecords, Contracts, Purchases) kept in the app
 * process for the manager's figures. The first read, and one every `fullReadMs`, reads the four
 * lists whole (their pages in parallel); a read in between asks each list only for the items whose
 * ChangedAt is at or after the last read's start less `marginMs`: four small queries started
 * together, so one `$batch` (with the Purchases cache's own check when it is due). Reads that
 * arrive while one is under way share it. What a read answers is a copy.
 */
export class SharePointServiceHistory implements ServiceHistory {
  private kept: Lists | undefined;
  private lastStartedAt = 0;
  private fullReadAt = 0;
  private refreshing: Promise<HistorySnapshot> | undefined;

  constructor(
    private readonly sources: HistorySources,
    private readonly timing: ServiceHistoryTiming = defaultHistoryTiming,
  ) {}

  read(): Promise<HistorySnapshot> {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing.then(copySnapshot);
  }

  /** The next read reads every list whole (a change the warm reads cannot see is known to have happened). */
  forgetAll(): void {
    this.fullReadAt = Number.NEGATIVE_INFINITY;
  }

  private async refresh(): Promise<HistorySnapshot> {
    const startedAt = this.timing.now();
    const warm = this.kept !== undefined && startedAt - this.fullReadAt < this.timing.fullReadMs;
    if (this.kept && warm) {
      const changed = await this.warmRead(this.kept, startedAt);
      if (changed) return changed;
    }
    return this.fullRead(startedAt);
  }

  /**
   * What changed since the last read, merged into what is kept; undefined when SharePoint throttles
   * the changes query (more changes in the window than its list view threshold, e.g. after a bulk
   * import), so the caller reads everything instead of waiting on a query that would fail again.
   */
  private async warmRead(kept: Lists, startedAt: number): Promise<HistorySnapshot | undefined> {
    const { sources } = this;
    const since = new Date(this.lastStartedAt - this.timing.marginMs);
    let answers;
    try {
      answers = await Promise.all([
        sources.cases.changedSince(since), sources.children.changedSince(since), sources.records.changedSince(since), sources.contracts.changedSince(since),
        sources.purchases.list(),
      ]);
    } catch (error) {
      if (throttled(error)) return undefined;
      throw error;
    }
    const [cases, children, records, contracts, purchases] = answers;
    merge(kept.cases, cases);
    merge(kept.children, children);
    merge(kept.records, records);
    merge(kept.contracts, contracts);
    this.lastStartedAt = startedAt;
    return snapshotOf(kept, purchases);
  }

  private async fullRead(startedAt: number): Promise<HistorySnapshot> {
    const { sources } = this;
    const [cases, children, records, contracts, purchases] = await Promise.all([
      sources.cases.everything(), sources.children.everything(), sources.records.everything(), sources.contracts.everything(), sources.purchases.list(),
    ]);
    this.kept = { cases: byId(cases), children: byId(children), records: byId(records), contracts: byId(contracts) };
    this.lastStartedAt = startedAt;
    this.fullReadAt = startedAt;
    return snapshotOf(this.kept, purchases);
  }
}

const throttled = (error: unknown): boolean => [429, 503].includes(graphStatus(error) ?? 0);

const byId = <T extends { id: string }>(items: Versioned<T>[]): Kept<T> => new Map(items.map((item) => [item.id, item]));

/** SharePoint's eTag ends in the item's version (`"{guid},7"`); undefined when it does not. */
const versionOf = (etag: string): number | undefined => {
  const m = /,(\d+)"?$/.exec(etag);
  return m ? Number(m[1]) : undefined;
};

/** Changed items over the kept ones, by id, the newer version kept (a slower answer cannot bring back an older one). */
function merge<T extends { id: string }>(kept: Kept<T>, changed: Versioned<T>[]): void {
  for (const item of changed) {
    const had = kept.get(item.id);
    const [was, now] = [had && versionOf(had.etag), versionOf(item.etag)];
    if (had && was !== undefined && now !== undefined && now < was) continue;
    kept.set(item.id, item);
  }
}

/** In SharePoint's order (item id), as a full read returns them. */
const ordered = <T extends { id: string }>(kept: Kept<T>): Versioned<T>[] => [...kept.values()].sort((a, b) => Number(a.id) - Number(b.id));

const snapshotOf = (kept: Lists, purchases: Versioned<Purchase>[]): HistorySnapshot => ({
  cases: ordered(kept.cases),
  children: ordered(kept.children),
  records: ordered(kept.records),
  contracts: ordered(kept.contracts),
  purchases,
});

/** The caller's own copy: nothing it does reaches what is kept. */
const copySnapshot = (snapshot: HistorySnapshot): HistorySnapshot => structuredClone(snapshot);
