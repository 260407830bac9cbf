import { academicYearOf } from '../calendar/years';
import type { Case } from '../model/case';
import type { Child } from '../model/child';

export type KeyStage = 'early-years' | 'ks1' | 'ks2' | 'ks3' | 'ks4' | 'ks5';
export const keyStages: readonly KeyStage[] = ['early-years', 'ks1', 'ks2', 'ks3', 'ks4', 'ks5'];

/** Reception is early years; KS1 Years 1-2, KS2 3-6, KS3 7-9, KS4 10-11, KS5 12-13. */
export function keyStageOf(yearGroup: number): KeyStage {
  if (yearGroup <= 0) return 'early-years';
  if (yearGroup <= 2) return 'ks1';
  if (yearGroup <= 6) return 'ks2';
  if (yearGroup <= 9) return 'ks3';
  if (yearGroup <= 11) return 'ks4';
  return 'ks5';
}

/** The seed's breakdown of the pupils supported: each child once, however many cases they had. */
export interface PupilBreakdown {
  readonly pupils: number;
  readonly girls: number;
  readonly boys: number;
  /** Other or not stated. */
  readonly otherGender: number;
  /** Reception to Year 6. */
  readonly primary: number;
  /** Year 7 and up. */
  readonly secondary: number;
  readonly keyStage: Readonly<Record<KeyStage, number>>;
  readonly ehcPlan: number;
  readonly senSupport: number;
  /** EHC plan or SEN support. */
  readonly send: number;
  readonly pupilPremium: number;
  readonly freeSchoolMeals: number;
  readonly lookedAfter: number;
  /** Pupils by the school of their first case in the period. */
  readonly bySchool: ReadonlyMap<string, number>;
}

const startYear = (date: string): number => Number(academicYearOf(date).slice(0, 4));

/**
 * The child's year group when `c` was referred. The child's record holds the year group given at
 * their latest referral; an earlier case is that many academic years younger.
 */
export function yearGroupAtReferral(c: Pick<Case, 'referralDate'>, child: Pick<Child, 'yearGroup'>, latestReferral: string): number {
  const shift = startYear(latestReferral) - startYear(c.referralDate);
  return Math.min(13, Math.max(0, child.yearGroup - Math.max(0, shift)));
}

/**
 * `casesInPeriod`: the (filtered) cases open at any time in the period; each child counts once,
 * with the year group of their first of these cases. `allCases`: every case, for the latest referral of each child.
 */
export function pupilBreakdown(casesInPeriod: readonly Case[], children: ReadonlyMap<string, Child>, allCases: readonly Case[]): PupilBreakdown {
  const latestReferral = new Map<string, string>();
  for (const c of allCases) {
    const seen = latestReferral.get(c.childId);
    if (seen === undefined || c.referralDate > seen) latestReferral.set(c.childId, c.referralDate);
  }
  const firstCase = new Map<string, Case>();
  for (const c of casesInPeriod) {
    const seen = firstCase.get(c.childId);
    if (seen === undefined || c.referralDate < seen.referralDate) firstCase.set(c.childId, c);
  }

  const keyStage: Record<KeyStage, number> = { 'early-years': 0, ks1: 0, ks2: 0, ks3: 0, ks4: 0, ks5: 0 };
  const tally = { girls: 0, boys: 0, otherGender: 0, primary: 0, secondary: 0, ehcPlan: 0, senSupport: 0, pupilPremium: 0, freeSchoolMeals: 0, lookedAfter: 0 };
  const bySchool = new Map<string, number>();
  for (const [childId, c] of firstCase) {
    bySchool.set(c.schoolId, (bySchool.get(c.schoolId) ?? 0) + 1);
    const child = children.get(childId);
    if (!child) {
      tally.otherGender += 1;
      continue;
    }
    if (child.gender === 'female') tally.girls += 1;
    else if (child.gender === 'male') tally.boys += 1;
    else tally.otherGender += 1;
    const group = yearGroupAtReferral(c, child, latestReferral.get(childId) ?? c.referralDate);
    if (group <= 6) tally.primary += 1;
    else tally.secondary += 1;
    keyStage[keyStageOf(group)] += 1;
    if (child.send === 'ehc-plan') tally.ehcPlan += 1;
    if (child.send === 'sen-support') tally.senSupport += 1;
    if (child.pupilPremium) tally.pupilPremium += 1;
    if (child.freeSchoolMeals) tally.freeSchoolMeals += 1;
    if (child.lookedAfter) tally.lookedAfter += 1;
  }
  return { pupils: firstCase.size, ...tally, send: tally.ehcPlan + tally.senSupport, keyStage, bySchool };
}
