import { contractDecisionVerbs } from '../forms/contractDecision';
import { contractDraftVerbs } from '../forms/contractDraftForm';
import { parentsInformedVerbs } from '../forms/parentsInformedForm';
import type { CardVerb } from './cardVerb';

/** Step 7: draft the contract, approve it or request changes (and `contract.view`), parents informed. */
export const contractVerbs: readonly CardVerb[] = [...contractDraftVerbs, ...contractDecisionVerbs, ...parentsInformedVerbs];
