import type { CardVerb } from './cardVerb';

/** Placeholder: the visit forms' verbs are added here. */
export const visitVerbs: readonly CardVerb[] = [];
