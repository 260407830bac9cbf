/** The dashboard's filters as the hash's query: read leniently (a bad value is dropped), written in one order. */
import { FiguresQuery } from '../../../../contract/dashboard';

const keys = ['year', 'from', 'to', 'school', 'worker', 'package'] as const satisfies readonly (keyof FiguresQuery)[];

/** Each parameter checked on its own, so one bad value does not lose the others. */
export function viewFromSearch(search: string): FiguresQuery {
  const params = new URLSearchParams(search.replace(/^\?/, ''));
  const view: FiguresQuery = {};
  for (const key of keys) {
    const value = params.get(key);
    if (!value) continue;
    const parsed = FiguresQuery.shape[key].safeParse(value);
    if (parsed.success && parsed.data) view[key] = parsed.data;
  }
  // A year or a range, never both: the range wins (it was chosen last).
  if (view.from || view.to) delete view.year;
  return view;
}

export function searchOfView(view: FiguresQuery): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = view[key];
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** A date range is complete when both ends are there and in order. */
export const rangeProblem = (from: string | undefined, to: string | undefined): string | undefined =>
  !from || !to ? 'Choose both dates.' : from > to ? 'The start date must be on or before the end date.' : undefined;
