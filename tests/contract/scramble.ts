/**
 * Empties every object and array inside a value, in place: after this, a store that kept a
 * reference to what it was given (or handed out) shows the damage.
 */
export function scramble(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(scramble);
    value.length = 0;
  } else if (typeof value === 'object' && value !== null) {
    const fields = value as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      scramble(fields[key]);
      delete fields[key];
    }
  }
}
