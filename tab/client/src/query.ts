/** The caseload's query string, built from what the page shows (defaults left out). */
import { CaseloadQuery } from '../../contract/api';

export type CaseloadView = Pick<CaseloadQuery, 'status' | 'sort' | 'dir' | 'page'> & { worker?: string; q?: string };
export type SortColumn = CaseloadQuery['sort'];

export const initialView: CaseloadView = { status: 'active', sort: 'referralDate', dir: 'asc', page: 1 };

const defaults = CaseloadQuery.parse({});

export function caseloadSearch(view: CaseloadView, pageSize = defaults.pageSize): string {
  const params = new URLSearchParams();
  if (view.status !== defaults.status) params.set('status', view.status);
  if (view.worker) params.set('worker', view.worker);
  const q = view.q?.trim();
  if (q) params.set('q', q.slice(0, 100));
  if (view.sort !== defaults.sort) params.set('sort', view.sort);
  if (view.dir !== defaults.dir) params.set('dir', view.dir);
  if (view.page !== 1) params.set('page', String(view.page));
  if (pageSize !== defaults.pageSize) params.set('pageSize', String(pageSize));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Clicking a column: ascending first, then the other way; a new sort starts on page 1. */
export function sortBy(view: CaseloadView, column: SortColumn): CaseloadView {
  const dir = view.sort === column && view.dir === 'asc' ? 'desc' : 'asc';
  return { ...view, sort: column, dir, page: 1 };
}

export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize));
