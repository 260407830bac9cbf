import { Text } from './common';

/** The rule of PRODUCT.md a name without a letter breaks. */
export const plausibleFacts = 'Plausible facts';

// Invisible characters (zero-width space and joiners, BOM, bidi marks, variation selectors, the
// Hangul fillers, which are letters) say nothing about who a person is.
const invisible = /\p{Default_Ignorable_Code_Point}/gu;
const notLetterMarkOrDigit = /[^\p{L}\p{M}\p{N}]/gu;

/**
 * A name as matching compares it: NFKC (full-width "ＪＯＳＥ" is "JOSE", "JOSE\u0301" is "JOSÉ"),
 * lower case, then every letter, combining mark and digit of every script kept, and spaces,
 * punctuation, symbols and invisible characters dropped. `toLowerCase` is not full Unicode case
 * folding: the two differences that matter for names are folded here (final sigma, sharp s).
 * Locale-blind: Turkish dotless ı and I stay different letters; accents are kept ("José" is not
 * "Jose"), as are Arabic and Hebrew vowel marks.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ς', 'σ')
    .replaceAll('ß', 'ss')
    .normalize('NFKC')
    .replace(invisible, '')
    .replace(notLetterMarkOrDigit, '');
}

/** Rule "Plausible facts": a name has at least one letter, in any script (invisible ones do not count). */
export const hasLetter = (name: string): boolean => /\p{L}/u.test(name.replace(invisible, ''));

/** A person's name as staff type it: trimmed, not empty, with at least one letter. `label` names it in the refusal. */
export const personName = (label: string) =>
  Text.refine(hasLetter, { message: `${label} must have at least one letter (in any script).`, params: { rule: plausibleFacts } });
