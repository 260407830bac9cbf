/**
 * What an Action.Execute carries: the card's input values (Teams sends them as strings) merged
 * with the action's own data. Anything that is not a plain value is refused (see cardData).
 */
export type FormValues = Record<string, string>;

/** Trimmed text, or undefined when left empty (so the use case names the missing field). */
export function text(values: FormValues, name: string): string | undefined {
  const v = values[name]?.trim();
  return v ? v : undefined;
}

/** A number typed in a field; undefined when empty, NaN when not a number (the use case refuses both). */
export function numberIn(values: FormValues, name: string): number | undefined {
  const v = text(values, name);
  return v === undefined ? undefined : Number(v);
}

/** An Input.Toggle (valueOn "true"). */
export const flag = (values: FormValues, name: string): boolean => values[name] === 'true';

/** A multi-select Input.ChoiceSet: comma-separated values. */
export function choices(values: FormValues, name: string): string[] {
  return (values[name] ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A multi-line text field as a list: one item per line. */
export function lines(values: FormValues, name: string): string[] {
  return (values[name] ?? '').split(/\r?\n/).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Values for a form's inputs: every field present ('' when empty) so the template binds them all. */
export function withDefaults(defaults: FormValues, submitted: FormValues = {}): FormValues {
  return { ...defaults, ...Object.fromEntries(Object.entries(submitted).filter(([k]) => k in defaults)) };
}
