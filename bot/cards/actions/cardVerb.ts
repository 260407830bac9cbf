import type { CardContext, CardResponse } from '../card';
import type { VerbName } from '../forms/formNames';
import type { FormValues } from '../forms/formValues';

/** One button's handler: the verb it answers and what it does with the card's values. */
export interface CardVerb {
  verb: VerbName;
  handle(ctx: CardContext, values: FormValues): Promise<CardResponse>;
}
