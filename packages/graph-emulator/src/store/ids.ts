import { randomBytes, randomUUID } from 'node:crypto';

export const newGuid = (): string => randomUUID();

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Shaped like SharePoint drive item ids: `01` followed by 32 upper-case base32 characters. */
export const newDriveItemId = (): string =>
  '01' + Array.from(randomBytes(32), (b) => base32[b % 32]).join('');

/** Shaped like SharePoint drive ids: `b!` followed by url-safe base64. */
export const newDriveId = (): string => 'b!' + randomBytes(48).toString('base64url').slice(0, 64);

/** Graph message and event ids are long url-safe base64 strings. */
export const newOutlookId = (): string => 'AAMk' + randomBytes(96).toString('base64url');

/** Graph's SharePoint timestamps: UTC, whole seconds, `Z` (e.g. `2025-03-01T09:30:00Z`). */
export const isoSeconds = (at: Date): string => at.toISOString().replace(/\.\d{3}Z$/, 'Z');
