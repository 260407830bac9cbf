/**
 * Whether `existing` already holds everything `wanted` says: objects compared on `wanted`'s keys only
 * (Entra adds its own properties), arrays of objects with ids compared by id whatever their order.
 */
export function holds(existing: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(existing) || existing.length !== wanted.length) return false;
    const byId = (list: unknown[]) => [...list].sort((a, b) => idOf(a).localeCompare(idOf(b)));
    const have = byId(existing);
    return byId(wanted).every((w, i) => holds(have[i], w));
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (existing === null || typeof existing !== 'object') return false;
    return Object.entries(wanted).every(([k, v]) => holds((existing as Record<string, unknown>)[k], v));
  }
  return typeof existing === 'string' && typeof wanted === 'string' ? existing.toLowerCase() === wanted.toLowerCase() : existing === wanted;
}

const idOf = (value: unknown): string => {
  if (value !== null && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    return String(v.id ?? v.appId ?? v.resourceAppId ?? JSON.stringify(v)).toLowerCase();
  }
  return String(value).toLowerCase();
};
