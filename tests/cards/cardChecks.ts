import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';

/** The Adaptive Cards schema and Teams host configs, copied beside these tests (schemas/SOURCE.md). */
const schemas = path.join(__dirname, 'schemas');

/**
 * The official Adaptive Cards 1.5 schema (draft-06, `additionalProperties: false`), with the
 * one Teams extension the product uses (`msteams` on the card) allowed explicitly.
 */
function cardSchemaValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(path.join(schemas, 'adaptive-card-1.5.schema.json'), 'utf8')) as {
    id?: string;
    definitions: { AdaptiveCard: { properties: Record<string, unknown> } };
  };
  delete schema.id;
  schema.definitions.AdaptiveCard.properties.msteams = { type: 'object' };
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  ajv.addMetaSchema(draft06);
  return ajv.compile(schema);
}

interface ParseEvent {
  phase: number;
  source: unknown;
  event: number;
  message: string;
}
interface AcModule {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; hostConfig: unknown; validateProperties(): { validationEvents: Array<{ message: string }> } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): ParseEvent };
  HostConfig: new (json: unknown) => unknown;
}

/** The official Adaptive Cards SDK: its main entry needs a browser; the bundled build parses in Node. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ac = require('adaptivecards/dist/adaptivecards.min.js') as AcModule;
const teamsHostConfig = JSON.parse(readFileSync(path.join(schemas, 'adaptivecards-hostconfig-teams-light.json'), 'utf8')) as unknown;

export interface CardProblems {
  schema: string[];
  sdk: string[];
  unexpanded: string[];
}

const validate = cardSchemaValidator();

/** Every problem the schema, the SDK and the template expansion find in a card. */
export function cardProblems(card: unknown): CardProblems {
  const schema = validate(card) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  const parsed = new ac.AdaptiveCard();
  parsed.hostConfig = new ac.HostConfig(teamsHostConfig);
  const context = new ac.SerializationContext();
  parsed.parse(card, context);
  const sdk: string[] = [];
  for (let i = 0; i < context.eventCount; i++) sdk.push(context.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) sdk.push(e.message);
  const unexpanded = JSON.stringify(card).match(/\$\{[^}]*\}/g) ?? [];
  return { schema, sdk, unexpanded };
}

/** For expect(): an empty list of problems means the card is good. */
export function allCardProblems(card: unknown): string[] {
  const p = cardProblems(card);
  return [...p.schema.map((s) => `schema: ${s}`), ...p.sdk.map((s) => `sdk: ${s}`), ...p.unexpanded.map((s) => `not expanded: ${s}`)];
}
