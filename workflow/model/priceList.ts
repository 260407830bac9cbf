import { z } from 'zod';
import { isFinancialYear } from '../packages/financialYear';
import { TimeActivity } from '../packages/timeActivity';

export const PackageKind = z.enum(['universal-offer', 'package', 'consultancy', 'training', 'placement']);
export type PackageKind = z.infer<typeof PackageKind>;

export const PackageCode = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case code like silver-top-up');

const atMostTwoDecimals = (n: number): boolean => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

/** Pounds, at most two decimal places. */
export const Pounds = z.number().min(0, 'must not be negative').refine(atMostTwoDecimals, 'must be pounds and pence (2 decimal places)');
/** Hours, at most two decimal places. */
export const Hours = z.number().min(0, 'must not be negative').refine(atMostTwoDecimals, 'must have at most 2 decimal places');

export const FinancialYearCode = z.string().refine(isFinancialYear, 'must be a financial year like 2025-26');

export const PriceListItem = z.object({
  code: PackageCode,
  name: z.string().trim().min(1, 'must not be empty'),
  kind: PackageKind,
  /** Hours bought; where the service quotes a range ("6-7 hours") the upper figure. */
  hours: Hours,
  price: Pounds,
  /** Can run beside another package on the same case (Parent Support). */
  runsAlongside: z.boolean().default(false),
  /** The code of a package that must be bought the same financial year first (Silver top-up needs Silver). */
  requires: PackageCode.optional(),
  /**
   * The activities whose time this item's hours pay for, drawn before general packages.
   * Absent: any activity, after the items dedicated to it. Empty: none (placements, the Universal Offer).
   */
  drawsFor: z.array(TimeActivity).optional(),
});
export type PriceListItem = z.infer<typeof PriceListItem>;

export const PriceList = z
  .object({
    financialYear: FinancialYearCode,
    consultancyRatePerHour: Pounds,
    /** Whether travel time draws on the hours a school bought. The service's default: it does not. */
    travelCountsTowardHours: z.boolean().default(false),
    items: z.array(PriceListItem),
  })
  .superRefine((list, ctx) => {
    const universal = list.items.filter((item) => item.kind === 'universal-offer');
    if (universal.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: `must hold exactly one universal-offer item (found ${universal.length})`,
      });
    }
    const seen = new Set<string>();
    list.items.forEach((item, index) => {
      if (seen.has(item.code)) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'code'], message: `code "${item.code}" appears more than once` });
      }
      seen.add(item.code);
    });
    list.items.forEach((item, index) => {
      if (item.requires !== undefined && !seen.has(item.requires)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'requires'],
          message: `requires "${item.requires}", which is not on this price list`,
        });
      }
    });
  });
export type PriceList = z.infer<typeof PriceList>;

export const universalOfferItem = (list: PriceList): PriceListItem | undefined =>
  list.items.find((item) => item.kind === 'universal-offer');

export const priceListItem = (list: PriceList, code: string): PriceListItem | undefined =>
  list.items.find((item) => item.code === code);
