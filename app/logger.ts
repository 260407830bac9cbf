import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

/**
 * Structured JSON logs (pino).
 *
 * The rule: code logs ids and codes only (case id, child id, error code, step number), never a
 * child's or parent's personal data. Redaction below is the safety net for when someone logs a
 * whole object by mistake: these field names are censored at the top level and up to three
 * levels deep (e.g. `{ child: { parents: [...] } }` or `{ case: { child: { name } } }`).
 */
export const personalDataFields = [
  'name',
  'firstName',
  'lastName',
  'surname',
  'displayName',
  'dateOfBirth',
  'dob',
  'parents',
  'carers',
  'address',
  'postcode',
  'email',
  'mail',
  'phone',
  'mobile',
  'notes',
  'body',
] as const;

export const redactedValue = '[redacted]';

const depthPrefixes = ['', '*.', '*.*.', '*.*.*.'];
const redactPaths = depthPrefixes.flatMap((prefix) => personalDataFields.map((field) => `${prefix}${field}`));

export type AppLogger = Logger;

export const createLogger = (settings: { logLevel: LogLevel }, destination?: DestinationStream): AppLogger =>
  pino(
    {
      level: settings.logLevel,
      redact: { paths: redactPaths, censor: redactedValue },
      // Error objects are logged with their message and stack; their own properties may carry data.
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
