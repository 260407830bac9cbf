import { z } from 'zod';
import { EntraId, Id, Instant } from './common';

/**
 * One setting the administrator changed in the app (a price list, a term calendar, the team
 * channel), kept in the ServiceSettings list under a unique key: `price-list:<financial year>`,
 * `term-calendar:<id>`, `team-channel`. The shipped configuration files are the defaults; a stored
 * setting overrides its file entry. `value` is the validated setting as JSON text.
 */
export const ServiceSetting = z.object({
  id: Id,
  key: z.string().regex(/^[a-z][a-z-]*(:[A-Za-z0-9._-]+)?$/, 'must be a setting key like price-list:2026-27'),
  value: z.string(),
  changedBy: EntraId,
  changedAt: Instant,
});
export type ServiceSetting = z.infer<typeof ServiceSetting>;
