import { GraphError } from '../http/graphError';
import type { ListRecord } from '../store/records';

/**
 * Lists whose items are records: in a tenant a retention label that declares items records
 * locks them (the deployment guide labels the AuditLog list so); here the lock is built in, so a
 * product that tried to change or delete an audit entry would fail in tests as in the tenant.
 */
const recordListNames: ReadonlySet<string> = new Set(['AuditLog']);

export const refuseChangeToRecord = (list: ListRecord, change: 'updated' | 'deleted'): void => {
  if (!recordListNames.has(list.displayName)) return;
  throw new GraphError(403, 'accessDenied', `Items in the list '${list.displayName}' are records: they cannot be ${change}.`);
};
