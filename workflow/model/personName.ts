import { NameText, plausibleFacts } from './common';

// Invisible characters (zero-width space and joiners, BOM, bidi marks, variation selectors, the
// Hangul fillers, which are letters) say nothing about who a person is.
const invisible = /\p{Default_Ignorable_Code_Point}/gu;
// Whatever is not a letter, mark or digit goes, with the marks on it ("↚" is "←" + U+0338).
const notLetterMarkOrDigit = /(?:[^\p{L}\p{M}\p{N}]|^)\p{M}*/gu;

/**
 * A name as matching compares it: NFKC (full-width "ＪＯＳＥ" is "JOSE", "JOSE\u0301" is "JOSÉ"),
 * case folded, then every letter, combining mark and digit of every script kept, and spaces,
 * punctuation, symbols and invisible characters dropped. Case folding is approximated by upper
 * then lower case (so "ß" and "SS", "ᾀ" and "ἈΙ" meet) with final sigma folded to σ: it is
 * locale-blind, so Turkish dotless ı and I stay different letters. Accents are kept ("José" is
 * not "Jose"), as are Arabic and Hebrew vowel marks.
 */
export function nameKey(name: string): string {
  const folded = name.replace(invisible, '').normalize('NFKC').toUpperCase().toLowerCase().replaceAll('ς', 'σ').replaceAll('ß', 'ss');
  // Normalised again: a mark that followed a space or a hyphen now sits on its letter.
  return folded.replace(notLetterMarkOrDigit, '').normalize('NFKC');
}

/** Rule "Plausible facts": a name has at least one letter, in any script (invisible ones do not count). */
export const hasLetter = (name: string): boolean => /\p{L}/u.test(name.replace(invisible, ''));

/** A person's name as staff type it: trimmed, not empty, not too long, with at least one letter. `label` names it in the refusal. */
export const personName = (label: string) =>
  NameText.refine(hasLetter, { message: `${label} must have at least one letter (in any script).`, params: { rule: plausibleFacts, sentence: true } });
