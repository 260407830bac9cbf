import type { CardVerb } from './cardVerb';

/** Placeholder: the closing forms' verbs are added here. */
export const closingVerbs: readonly CardVerb[] = [];
