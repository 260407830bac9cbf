/**
 * A copy through JSON, as the SharePoint adapters store an item (its Payload column): undefined
 * properties vanish and nothing the caller holds stays linked to what is stored.
 */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
