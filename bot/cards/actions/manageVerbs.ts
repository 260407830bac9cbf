import type { CardVerb } from './cardVerb';

/** Placeholder: the manage forms' verbs are added here. */
export const manageVerbs: readonly CardVerb[] = [];
