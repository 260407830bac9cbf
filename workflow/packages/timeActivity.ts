import { z } from 'zod';

/**
 * What a member of staff spent time on. The time entry record uses it (re-exported from
 * model/purchase), and the ledger draws hours by it. Defined here so model/priceList and
 * model/purchase do not import each other.
 */
export const TimeActivity = z.enum([
  'direct-work',
  'observation',
  'meeting',
  'report-writing',
  'parent-support',
  'consultancy',
  'training',
  'admin',
  'travel',
]);
export type TimeActivity = z.infer<typeof TimeActivity>;
