import { cardForRequest, handleCardAction, type AdaptiveCardJson, type CardRequest, type CardResponse } from '../../bot/cards';
import { buildWorld, onTheDay, people } from '../support/world';
import { caseSteps } from '../support/caseSteps';
import { allCardProblems } from './cardChecks';
import { storedKeysShown } from './storedKeys';

type Person = keyof typeof people;

/** The inputs that date what was held, delivered, observed, returned or worked. */
const eventDates = ['heldOn', 'deliveredOn', 'observedOn', 'returnedOn', 'on'];

/**
 * A product on memory ports with the card layer on top: every card any test sees is checked
 * against the Adaptive Cards 1.5 schema and the adaptivecards SDK on the way.
 */
export async function buildCardWorld(now = '2026-09-14T09:00:00Z') {
  const world = await buildWorld(now);
  const steps = caseSteps(world);
  const checked = (card: AdaptiveCardJson | undefined): void => {
    if (!card) return;
    const problems = [...allCardProblems(card), ...storedKeysShown(card).map((k) => `shows a stored key: ${k}`)];
    if (problems.length > 0) throw new Error(`card problems:\n${problems.join('\n')}\n${JSON.stringify(card, null, 1).slice(0, 3000)}`);
  };
  const act = async (who: Person, verb: string, data: Record<string, unknown>): Promise<CardResponse> => {
    // Staff record an event on its day or after: the submit happens on the latest day it names.
    const eventDay = eventDates.map((f) => data[f]).filter((v): v is string => typeof v === 'string').sort().at(-1);
    const staff = await world.staff(people[who]);
    const response = await onTheDay(world, eventDay, () => handleCardAction(world.deps, staff, verb, data));
    checked(response.card);
    checked(response.followUp);
    return response;
  };
  const ask = async (who: Person, request: CardRequest): Promise<AdaptiveCardJson> => {
    const card = await cardForRequest(world.deps, await world.staff(people[who]), request);
    checked(card);
    return card;
  };
  return { world, steps, act, ask };
}

/** A card world with one case of `worker` brought to `step` (see caseSteps.toStep). */
export async function cardWorldWithCaseAt(step: Parameters<ReturnType<typeof caseSteps>['toStep']>[0], worker: Person = 'worker') {
  const cw = await buildCardWorld();
  return { ...cw, ...(await cw.steps.toStep(step, worker)) };
}

/** All the text a card shows, for `toContain` checks. */
export function cardText(card: AdaptiveCardJson | undefined): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'text' || k === 'title' || k === 'value' || k === 'label') && typeof v === 'string') texts.push(v);
        else walk(v);
      }
    }
  };
  walk(card);
  return texts.join('\n');
}

export interface FoundAction {
  title: string;
  verb: string;
  data: Record<string, string>;
}

/** Every Action.Execute on a card (including selectActions and inside ShowCards). */
export function executeActions(card: AdaptiveCardJson | undefined): FoundAction[] {
  const found: FoundAction[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute') found.push({ title: String(o.title ?? ''), verb: String(o.verb), data: (o.data ?? {}) as Record<string, string> });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The Action.Execute with this verb (throws when the card has none, listing what it has). */
export function actionOf(card: AdaptiveCardJson | undefined, verb: string): FoundAction {
  const all = executeActions(card);
  const found = all.find((a) => a.verb === verb);
  if (!found) throw new Error(`no ${verb} on the card; it has ${all.map((a) => a.verb).join(', ')}`);
  return found;
}

/** Inputs' ids on a card. */
export function inputIds(card: AdaptiveCardJson | undefined): string[] {
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') ids.push(o.id);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return ids;
}
