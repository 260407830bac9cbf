/** Numbers typed into the settings' forms: kept as text while typed, read once when saved. */

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * "12.5" → 12.5. Empty, not a number, negative or above `max`: a sentence naming the field.
 * `whole`: no fraction (counts).
 */
export function readNumber(text: string, label: string, options: { max?: number; whole?: boolean } = {}): Read<number> {
  const trimmed = text.trim().replace(/^£/, '').replace(/,/g, '');
  if (trimmed === '') return { ok: false, message: `${label}: enter a number.` };
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, message: `${label}: "${text.trim()}" is not a number (use digits, e.g. 12.5).` };
  const value = Number(trimmed);
  if (options.whole && !Number.isInteger(value)) return { ok: false, message: `${label}: enter a whole number.` };
  if (options.max !== undefined && value > options.max) return { ok: false, message: `${label}: at most ${options.max}.` };
  return { ok: true, value };
}

/** How a number is put back into a field (no trailing zeros, no grouping). */
export const numberText = (value: number): string => String(value);

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 0, maximumFractionDigits: 2 });
/** "£1,000", "£12.50". */
export const formatMoney = (value: number): string => money.format(value);
