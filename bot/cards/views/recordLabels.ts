import { recordKindLabels } from '../../../workflow';

/** How each kind of case record is named on cards (the model's labels). */
export const recordLabels = recordKindLabels;
