import { closeEarlyVerbs } from '../forms/closeEarlyForm';
import { completeVerbs } from '../forms/completeForm';
import { reviewVerbs } from '../forms/reviewForm';
import type { CardVerb } from './cardVerb';

/** Step 9 and closing: the review, completing after a review that ended, closing early. */
export const closingVerbs: readonly CardVerb[] = [...reviewVerbs, ...completeVerbs, ...closeEarlyVerbs];
