import { createHash } from 'node:crypto';
import { CASE_FILES_LIBRARY, columnsOf, lists, TEMPLATES_LIBRARY, type ColumnDefinition } from './listDefinitions';

/**
 * The site remembers which list definitions it was provisioned for: one item in this list, its
 * Title the fingerprint below. A start that finds the same fingerprint skips provisioning (one
 * `$batch` instead of a request per list); changed definitions give another fingerprint, and the
 * next start provisions again (adding what is missing) before writing the new one.
 */
export const SITE_SCHEMA_LIST = 'SiteSchema';
export const siteSchemaListDescription = 'Which version of the Outreach Cases list definitions this site was provisioned for (read at each start).';

/** Raise when provisioning itself changes in a way the definitions do not show (a site provisioned before must be visited again). */
const PROVISIONING_VERSION = 1;

/** What provisioning sends for a column (also the fingerprint's input). */
export const columnBody = (c: ColumnDefinition): Record<string, unknown> => ({
  name: c.name,
  ...(c.type === 'note' ? { text: { allowMultipleLines: true } } : { [c.type]: {} }),
  ...(c.indexed ? { indexed: true } : {}),
  ...(c.unique ? { enforceUniqueValues: true } : {}),
});

/** SHA-256 over every list's name and columns, and the libraries' names: what provisioning makes. */
export function schemaFingerprint(): string {
  const shape = {
    version: PROVISIONING_VERSION,
    lists: Object.values(lists).map((definition) => ({ displayName: definition.displayName, columns: columnsOf(definition).map(columnBody) })),
    library: CASE_FILES_LIBRARY,
    templatesLibrary: TEMPLATES_LIBRARY,
  };
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex');
}
