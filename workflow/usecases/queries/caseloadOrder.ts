import type { Staff } from '../../model/staff';
import type { CaseProgress } from '../../process/caseProgress';

/* How the caseload is searched and sorted. */

export const caseloadSorts = ['reference', 'child', 'school', 'worker', 'step', 'nextMeeting', 'hoursLeft', 'due', 'referralDate'] as const;
export type CaseloadSort = (typeof caseloadSorts)[number];

/** What a row is sorted on. */
export interface Sortable {
  case: { reference: string; referralDate: string };
  childName?: string;
  schoolName: string;
  worker: Staff | undefined;
  progress: Pick<CaseProgress, 'step'>;
  nextMeeting: { start: string } | undefined;
  hours?: { left: number } | null;
  due: { dueAt: string }[];
}

/**
 * Text as a search compares it: compatibility-decomposed, accents and other marks dropped,
 * invisible characters dropped, case folded (upper then lower, so "ß" meets "SS"), whatever the script.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\p{Default_Ignorable_Code_Point}]/gu, '')
    .toUpperCase()
    .toLowerCase()
    .replaceAll('ς', 'σ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** In the direction asked (`sign`); a row without the value (no meeting, no hours) comes last either way. */
const inOrder = (sign: number, a: string | number | undefined, b: string | number | undefined): number => {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return sign * (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)));
};

export function compareBy(sort: CaseloadSort, sign: number, a: Sortable, b: Sortable): number {
  const absentLast = (x: string | number | undefined, y: string | number | undefined) => inOrder(sign, x, y);
  switch (sort) {
    case 'reference':
      return absentLast(a.case.reference, b.case.reference);
    case 'child':
      return absentLast(a.childName, b.childName);
    case 'school':
      return absentLast(a.schoolName, b.schoolName);
    case 'worker':
      return absentLast(a.worker?.displayName, b.worker?.displayName);
    case 'step':
      return absentLast(a.progress.step, b.progress.step);
    case 'nextMeeting':
      return absentLast(a.nextMeeting?.start, b.nextMeeting?.start);
    case 'hoursLeft':
      return absentLast(a.hours?.left, b.hours?.left);
    case 'due':
      return absentLast(a.due[0]?.dueAt, b.due[0]?.dueAt);
    case 'referralDate':
      return absentLast(a.case.referralDate, b.case.referralDate);
  }
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function firstBy<T>(items: readonly T[], key: (item: T) => string, order: (a: T, b: T) => number): Map<string, T> {
  const first = new Map<string, T>();
  for (const item of items) {
    const seen = first.get(key(item));
    if (!seen || order(item, seen) < 0) first.set(key(item), item);
  }
  return first;
}
