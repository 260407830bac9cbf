import { observationVerbs } from '../forms/observationForm';
import { referralVerbs } from '../forms/referralForm';
import type { CardVerb } from './cardVerb';
import { viewActions } from './viewActions';

/** Every button the bot's cards carry, by verb. Each form family adds its verbs here. */
export const allVerbs: readonly CardVerb[] = [
  ...viewActions,
  ...observationVerbs,
  ...referralVerbs,
];
