import type { GraphRequest } from '../http/graphRequest';

/** Segments whose GET returns a collection (a multi-item query in SharePoint's terms). */
const collectionSegments = new Set(['items', 'lists', 'children', 'drives', 'columns', 'contenttypes', 'sites', 'versions']);

/**
 * SharePoint resource units of one Graph request, as "Avoid getting throttled or blocked in SharePoint
 * Online" lists them: 1 for a single-item query, a delta with a token or a file download; 2 for a
 * multi-item query, a delta without a token, and any create, update, delete or upload; 5 for permission
 * operations (including `$expand=permissions`). Only SharePoint and OneDrive requests (`/sites`, `/drives`)
 * cost units; mail and calendar are Exchange's. A `$batch` costs nothing itself: its requests are counted
 * one by one.
 */
export const resourceUnitsOf = (req: Pick<GraphRequest, 'method' | 'path' | 'query'>): number => {
  const segments = req.path.split('/').filter(Boolean).map((s) => s.toLowerCase());
  if (segments[0] !== 'sites' && segments[0] !== 'drives') return 0;
  const expand = (req.query.get('$expand') ?? req.query.get('expand') ?? '').toLowerCase();
  if (segments.includes('permissions') || /\bpermissions\b/.test(expand)) return 5;
  if (req.method !== 'GET') return 2;
  const last = (segments[segments.length - 1] ?? '').replace(/:$/, '');
  if (last.startsWith('delta')) return [...req.query.keys()].some((k) => k.toLowerCase() === 'token' || k.toLowerCase() === '$deltatoken') ? 1 : 2;
  if (last === 'content') return 1;
  return collectionSegments.has(last) ? 2 : 1;
};

/**
 * A per-minute resource-unit budget (off unless a budget is given). Throttled requests count too, as
 * Microsoft documents, so a client that ignores Retry-After stays throttled.
 */
export class ResourceUnitMeter {
  private windowStart = 0;
  private used = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Charges a request; answers the seconds to wait when the budget of the current minute is exceeded. */
  charge(units: number, budgetPerMinute: number | undefined): { retryAfterSeconds: number } | undefined {
    const now = this.now();
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.used = 0;
    }
    this.used += units;
    if (budgetPerMinute === undefined || units === 0 || this.used <= budgetPerMinute) return undefined;
    return { retryAfterSeconds: Math.max(1, Math.ceil((this.windowStart + 60_000 - now) / 1000)) };
  }

  reset(): void {
    this.windowStart = 0;
    this.used = 0;
  }
}
