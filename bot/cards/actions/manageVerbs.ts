import { consentVerbs } from '../forms/consentForm';
import { pauseVerbs, resumeVerbs } from '../forms/pauseForm';
import { reportVerbs } from '../forms/reportForm';
import { safeguardingVerbs } from '../forms/safeguardingForm';
import type { CardVerb } from './cardVerb';

/** The manager's pause and resume, and what anyone on the case can record at any time: consent, reports, safeguarding concerns. */
export const manageVerbs: readonly CardVerb[] = [...pauseVerbs, ...resumeVerbs, ...consentVerbs, ...reportVerbs, ...safeguardingVerbs];
