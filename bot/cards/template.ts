import { Template } from 'adaptivecards-templating';
import type { AdaptiveCardJson } from './card';

/**
 * Expands a card template (a JSON file under templates/) with its data. Every binding must have
 * a value: a missing one would be left in the card as literal `${...}` text, which the card
 * tests look for.
 */
export function expandCard(template: object, data: object): AdaptiveCardJson {
  const expanded: unknown = new Template(template).expand({ $root: data });
  return expanded as AdaptiveCardJson;
}

/** Expands a template that is a fragment (a Container or a list of elements) of a card. */
export function expandFragment<T = unknown>(template: object, data: object): T {
  return new Template(template).expand({ $root: data }) as T;
}
