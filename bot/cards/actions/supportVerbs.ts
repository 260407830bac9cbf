import { chronologyVerbs } from '../forms/chronologyForm';
import { supportSessionVerbs } from '../forms/supportSessionForm';
import { timeVerbs } from '../forms/timeForm';
import type { CardVerb } from './cardVerb';

/** Step 8 and the running record: support sessions, the time sheet, the Chronology Log. */
export const supportVerbs: readonly CardVerb[] = [...supportSessionVerbs, ...timeVerbs, ...chronologyVerbs];
