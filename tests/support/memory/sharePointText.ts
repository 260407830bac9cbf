/** SharePoint compares text without regard to case, in `eq` filters and in unique columns alike. */
export function sameColumnValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

/** The key SharePoint's unique IdempotencyKey column sees (case-insensitive). */
export function columnKey(text: string): string {
  return text.toLowerCase();
}
