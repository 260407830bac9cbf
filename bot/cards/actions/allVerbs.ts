import { allocateVerbs, reallocateVerbs } from '../forms/allocateForm';
import { informationRequestVerbs } from '../forms/informationRequestForm';
import { informationReturnedVerbs } from '../forms/informationReturnedForm';
import { observationVerbs } from '../forms/observationForm';
import { referralVerbs } from '../forms/referralForm';
import type { CardVerb } from './cardVerb';
import { closingVerbs } from './closingVerbs';
import { contractVerbs } from './contractVerbs';
import { manageVerbs } from './manageVerbs';
import { meetingVerbs } from './meetingVerbs';
import { supportVerbs } from './supportVerbs';
import { viewActions } from './viewActions';
import { visitVerbs } from './visitVerbs';
import { returnedDocumentVerbs } from './returnedDocumentVerbs';

/** Every button the bot's cards carry, by verb. Each form family adds its verbs in its own file. */
export const allVerbs: readonly CardVerb[] = [
  ...viewActions,
  ...referralVerbs,
  ...allocateVerbs,
  ...reallocateVerbs,
  ...informationRequestVerbs,
  ...informationReturnedVerbs,
  ...observationVerbs,
  ...visitVerbs,
  ...contractVerbs,
  ...supportVerbs,
  ...closingVerbs,
  ...manageVerbs,
  ...meetingVerbs,
  ...returnedDocumentVerbs,
];
