import { randomInt, randomUUID } from 'node:crypto';

/**
 * Values no other item has: the suite also runs against long-lived SharePoint lists, so a
 * sample never relies on the store being empty.
 */
const codeAlphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export const freshCode = (length: number): string => Array.from({ length }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');

/** An id as a SharePoint list gives one (an integer), well above the ids the tests create. */
export const freshItemId = (): string => String(randomInt(1_000_000, 2_000_000_000));

/** An Entra object id. */
export const freshUserId = (): string => randomUUID();

export const freshCaseReference = (): string => `OC-26-${freshCode(5)}`;

/** A child's folder as the default pattern names it: `{childReference} {lastName}` (fictional surname). */
export const freshChildFolderName = (): string => `C-${freshCode(6)} Quillfeather`;

export const freshIdempotencyKey = (): string => `contract-${randomUUID()}`;
