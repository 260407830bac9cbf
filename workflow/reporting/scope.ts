import type { Case } from '../model/case';
import type { Child } from '../model/child';
import type { PriceList } from '../model/priceList';
import type { Purchase } from '../model/purchase';
import type { School } from '../model/school';
import type { Staff } from '../model/staff';
import type { HistorySnapshot } from '../ports/serviceHistory';
import type { ReportPeriod } from './period';

/** What narrows the figures: one school, one worker (their Entra id), one package (price list code). */
export interface ReportFilters {
  readonly schoolId?: string;
  readonly workerId?: string;
  readonly packageCode?: string;
}

/** Everything the figures are worked out from. `history` is the whole history, unfiltered: filters apply per figure. */
export interface ReportInput {
  readonly history: HistorySnapshot;
  readonly schools: readonly School[];
  readonly staff: readonly Staff[];
  readonly priceLists: readonly PriceList[];
  readonly period: ReportPeriod;
  readonly filters: ReportFilters;
  /** The London date the figures are worked out on (what has "passed"). */
  readonly today: string;
}

/** Lookups built once per report. */
export interface ReportIndex {
  readonly purchaseById: ReadonlyMap<string, Purchase>;
  readonly childById: ReadonlyMap<string, Child>;
  readonly recordsByCase: ReadonlyMap<string, HistorySnapshot['records']>;
  readonly contractsByCase: ReadonlyMap<string, HistorySnapshot['contracts']>;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function indexHistory(h: HistorySnapshot): ReportIndex {
  return {
    purchaseById: new Map(h.purchases.map((p) => [p.id, p])),
    childById: new Map(h.children.map((c) => [c.id, c])),
    recordsByCase: groupBy(h.records, (r) => r.caseId),
    contractsByCase: groupBy(h.contracts, (c) => c.caseId),
  };
}

/** A case the filters keep: its school, its worker, and (package) drawing on a purchase of that package. */
export function caseMatches(c: Case, filters: ReportFilters, purchaseById: ReadonlyMap<string, Purchase>): boolean {
  if (filters.schoolId !== undefined && c.schoolId !== filters.schoolId) return false;
  if (filters.workerId !== undefined && c.workerId !== filters.workerId) return false;
  if (filters.packageCode !== undefined) {
    return c.purchaseIds.some((id) => purchaseById.get(id)?.packageCode === filters.packageCode);
  }
  return true;
}

/** A purchase the filters keep: its school, its package, and (worker) drawn on by one of that worker's cases. */
export function purchaseMatches(p: Purchase, filters: ReportFilters, caseById: ReadonlyMap<string, Case>): boolean {
  if (filters.schoolId !== undefined && p.schoolId !== filters.schoolId) return false;
  if (filters.packageCode !== undefined && p.packageCode !== filters.packageCode) return false;
  if (filters.workerId !== undefined) return p.caseId !== undefined && caseById.get(p.caseId)?.workerId === filters.workerId;
  return true;
}

/** The cases the filters keep (any dates). */
export const casesInScope = (input: ReportInput, index: ReportIndex): Case[] =>
  input.history.cases.filter((c) => caseMatches(c, input.filters, index.purchaseById));
