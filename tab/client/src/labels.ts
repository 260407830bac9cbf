/** Words for the API's codes. */
import type { Me } from '../../contract/api';

const roleWords: Record<Me['roles'][number], string> = { worker: 'worker', manager: 'manager', admin: 'admin', dsl: 'designated safeguarding lead' };

/** "manager, worker". */
export const rolesLabel = (roles: Me['roles']): string => (roles.length === 0 ? 'no role' : roles.map((r) => roleWords[r]).join(', '));

export const statusFilterLabels = { active: 'Open and paused', open: 'Open', paused: 'Paused', closed: 'Closed', all: 'All' } as const;

export const caseStatusLabels = { open: 'Open', paused: 'Paused', closed: 'Closed' } as const;

export const documentLabels = { 'information-form': 'Returned information form', pdp: 'PDP', other: 'Other' } as const;
