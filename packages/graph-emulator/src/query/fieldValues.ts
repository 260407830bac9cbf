import { GraphError } from '../http/graphError';
import { isoSeconds } from '../store/ids';
import type { ColumnRecord, FieldValue } from '../store/records';

const invalidValue = (column: ColumnRecord, why: string): GraphError =>
  new GraphError(400, 'invalidRequest', `The value for field '${column.name}' is not valid: ${why}.`);

/** Normalises a date-time as SharePoint stores it (UTC, whole seconds); undefined when it does not parse. */
export const normaliseDateTime = (text: string): string | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
  const withTime = text.length === 10 ? `${text}T00:00:00Z` : hasZone ? text : `${text}Z`;
  const at = new Date(withTime.replace(' ', 'T'));
  return Number.isNaN(at.getTime()) ? undefined : isoSeconds(at);
};

/**
 * The value to store for a write of `value` into `column`, as SharePoint would accept it, or a 400.
 * `multiLineMax`: the most characters a multiple-lines text column holds (SharePoint: 63,999).
 */
export const coerceFieldValue = (column: ColumnRecord, value: unknown, multiLineMax = 63_999): FieldValue => {
  if (value === null || value === '') return null;
  switch (column.type) {
    case 'text': {
      if (typeof value !== 'string') throw invalidValue(column, 'expected a string');
      const max = typeof column.facet.maxLength === 'number' ? column.facet.maxLength : 255;
      if (column.facet.allowMultipleLines !== true && value.length > max) throw invalidValue(column, `longer than ${max} characters`);
      if (column.facet.allowMultipleLines === true && value.length > multiLineMax) {
        throw invalidValue(column, `longer than ${multiLineMax} characters, the most a multiple lines of text column holds`);
      }
      return value;
    }
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n)) throw invalidValue(column, 'expected a number');
      if (typeof column.facet.minimum === 'number' && n < column.facet.minimum) throw invalidValue(column, `below ${column.facet.minimum}`);
      if (typeof column.facet.maximum === 'number' && n > column.facet.maximum) throw invalidValue(column, `above ${column.facet.maximum}`);
      return n;
    }
    case 'boolean': {
      if (typeof value !== 'boolean') throw invalidValue(column, 'expected true or false');
      return value;
    }
    case 'dateTime': {
      const normalised = typeof value === 'string' ? normaliseDateTime(value) : undefined;
      if (!normalised) throw invalidValue(column, 'expected an ISO 8601 date-time');
      return normalised;
    }
    case 'choice': {
      if (typeof value !== 'string') throw invalidValue(column, 'expected one of the choices');
      const choices = Array.isArray(column.facet.choices) ? (column.facet.choices as unknown[]) : [];
      if (column.facet.allowTextEntry !== true && !choices.includes(value)) {
        throw invalidValue(column, `'${value}' is not one of ${choices.map((c) => `'${String(c)}'`).join(', ')}`);
      }
      return value;
    }
  }
};
