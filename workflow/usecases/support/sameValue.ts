/** Deep equality of JSON-like values, ignoring key order (stored items come back in schema order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Every field of `patch` holds that value in `item` (an absent field for `undefined`). */
export function patchLanded(patch: Record<string, unknown>, item: unknown): boolean {
  const current = item as Record<string, unknown>;
  return Object.entries(patch).every(([k, v]) => (v === undefined ? current[k] === undefined : sameValue(v, current[k])));
}
