import { randomInt } from 'node:crypto';
import type { IdSource } from '../workflow';

/** Crockford-style alphabet: no I, L, O, U, so references read aloud without confusion. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const randomIds: IdSource = {
  randomCode: (length) => Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
};
