import type { CardVerb } from './cardVerb';

/** Placeholder: the contract forms' verbs are added here. */
export const contractVerbs: readonly CardVerb[] = [];
