import type { AdaptiveCardJson } from '../../bot/cards';
import { z } from 'zod';
import { Case, Child, Contract, Purchase, RecordBody, School, Staff, TimeActivity } from '../../workflow';

/** Every value of every enum inside a zod schema (objects, arrays, unions, optionals...). */
function enumValues(schema: unknown, seen = new Set<unknown>()): string[] {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  if (schema instanceof z.ZodEnum) return schema.options.map(String);
  if (schema instanceof z.ZodLiteral) return [...schema.values].map(String);
  const def = (schema as { def?: Record<string, unknown> }).def;
  if (!def) return [];
  const inner = [def.innerType, def.element, def.in, def.out, def.left, def.right, ...(Array.isArray(def.options) ? def.options : []), ...Object.values((def.shape as Record<string, unknown> | undefined) ?? {})];
  return inner.flatMap((x) => enumValues(x, seen));
}

/** Keys that are also English words, written with their hyphen ("a lone-working check-in", "a re-referral"). */
const englishWords = new Set(['lone-working', 're-referral']);

/** Every hyphenated value of the model's enums (and record kinds): a stored key a person should never read. */
export const storedKeys: string[] = [...new Set([Case, Child, Contract, Purchase, RecordBody, School, Staff, TimeActivity].flatMap((schema) => enumValues(schema)))].filter(
  (k) => /^[a-z]+(-[a-z]+)+$/.test(k) && !englishWords.has(k),
);

/** The words a person reads on a card: texts, titles, labels, facts' values; not inputs' values, choices' values or action data. */
export function wordsRead(card: AdaptiveCardJson): string[] {
  const texts: string[] = [];
  const walk = (node: unknown, parentKey: string): void => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, parentKey));
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const isInput = typeof o.type === 'string' && o.type.startsWith('Input.');
      for (const [k, v] of Object.entries(o)) {
        if (k === 'data' || k === 'verb' || k === 'id') continue;
        if (typeof v === 'string') {
          if (['text', 'title', 'label', 'placeholder', 'errorMessage', 'altText'].includes(k)) texts.push(v);
          else if (k === 'value' && !isInput && parentKey !== 'choices') texts.push(v);
        } else walk(v, k);
      }
    }
  };
  walk(card, '');
  return texts;
}

/** The stored keys a card shows a person, each with the text it is in (none on a good card). */
export function storedKeysShown(card: AdaptiveCardJson): string[] {
  const shown: string[] = [];
  for (const text of wordsRead(card)) {
    for (const key of storedKeys) if (new RegExp(`(?<![\\w-])${key}(?![\\w-])`).test(text)) shown.push(`${key} in "${text.slice(0, 120)}"`);
  }
  return shown;
}
