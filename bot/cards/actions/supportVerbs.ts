import type { CardVerb } from './cardVerb';

/** Placeholder: the support forms' verbs are added here. */
export const supportVerbs: readonly CardVerb[] = [];
