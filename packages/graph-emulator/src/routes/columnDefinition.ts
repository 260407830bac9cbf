import { z } from 'zod';
import { GraphError } from '../http/graphError';
import type { NewColumn } from '../store/listsStore';
import type { ColumnType } from '../store/records';

const supportedFacets: readonly ColumnType[] = ['text', 'number', 'dateTime', 'boolean', 'choice'];
/** Column kinds Graph has that the emulator does not implement: refused by name rather than stored wrongly. */
const unsupportedFacets = ['calculated', 'contentApprovalStatus', 'currency', 'geolocation', 'hyperlinkOrPicture', 'lookup', 'personOrGroup', 'term', 'thumbnail', 'defaultValue', 'validation', 'sourceColumn', 'defaultValue'];

const facetSchemas = {
  text: z.looseObject({ maxLength: z.number().int().min(1).max(255).optional(), allowMultipleLines: z.boolean().optional(), linesForEditing: z.number().optional(), appendChangesToExistingText: z.boolean().optional(), textType: z.string().optional() }),
  number: z.looseObject({ decimalPlaces: z.string().optional(), displayAs: z.string().optional(), minimum: z.number().optional(), maximum: z.number().optional() }),
  dateTime: z.looseObject({ displayAs: z.string().optional(), format: z.enum(['dateOnly', 'dateTime']).optional() }),
  boolean: z.looseObject({}),
  choice: z.looseObject({ choices: z.array(z.string()).min(1), allowTextEntry: z.boolean().optional(), displayAs: z.string().optional() }),
};

/** SharePoint internal names: the emulator keeps to letters, digits and underscores (safe in its SQL). */
export const columnNamePattern = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export const columnDefinitionSchema = z.looseObject({
  name: z.string().regex(columnNamePattern, 'a column name must start with a letter and hold only letters, digits and underscores (at most 64)'),
  displayName: z.string().min(1).max(255).optional(),
  description: z.string().max(1000).optional(),
  enforceUniqueValues: z.boolean().optional(),
  indexed: z.boolean().optional(),
  hidden: z.boolean().optional(),
  required: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  columnGroup: z.string().optional(),
});
export type ColumnDefinitionInput = z.infer<typeof columnDefinitionSchema>;

export const toNewColumn = (input: ColumnDefinitionInput): NewColumn => {
  const raw = input as Record<string, unknown>;
  const unsupported = unsupportedFacets.find((k) => raw[k] !== undefined);
  if (unsupported) throw new GraphError(400, 'invalidRequest', `Column '${input.name}': '${unsupported}' columns are not supported by the Graph emulator.`);
  const present = supportedFacets.filter((k) => raw[k] !== undefined);
  if (present.length !== 1) {
    throw new GraphError(400, 'invalidRequest', `Column '${input.name}' must have exactly one type facet (${supportedFacets.join(', ')}); it has ${present.length}.`);
  }
  const type = present[0] as ColumnType;
  const facet = facetSchemas[type].safeParse(raw[type]);
  if (!facet.success) throw new GraphError(400, 'invalidRequest', `Column '${input.name}': invalid '${type}' facet: ${facet.error.issues[0]?.message ?? ''}.`);
  const indexed = input.indexed ?? false;
  const enforceUniqueValues = input.enforceUniqueValues ?? false;
  if (enforceUniqueValues && !indexed) throw uniqueNeedsIndex(input.name);
  const defaults: Record<ColumnType, Record<string, unknown>> = {
    text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
    number: { decimalPlaces: 'automatic', displayAs: 'number', maximum: 1.7976931348623157e308, minimum: -1.7976931348623157e308 },
    dateTime: { displayAs: 'default', format: 'dateTime' },
    boolean: {},
    choice: { allowTextEntry: false, displayAs: 'dropDownMenu' },
  };
  return {
    name: input.name,
    displayName: input.displayName ?? input.name,
    description: input.description ?? '',
    type,
    facet: { ...defaults[type], ...facet.data },
    indexed,
    enforceUniqueValues,
    required: input.required ?? false,
    hidden: input.hidden ?? false,
    readOnly: false,
  };
};

export const uniqueNeedsIndex = (name: string): GraphError =>
  new GraphError(400, 'invalidRequest', `Column '${name}': enforceUniqueValues requires the column to be indexed (set indexed: true).`);
