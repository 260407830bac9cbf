import type { Db } from './database';
import { newGuid } from './ids';

/**
 * Entra and Teams catalogue objects (applications, service principals, federated credentials,
 * app role assignments, site permissions, Teams apps) kept as JSON: one row per object, `parent`
 * the object it hangs under (an application's credentials, a site's permissions).
 */
export type DirectoryKind = 'application' | 'servicePrincipal' | 'federatedIdentityCredential' | 'appRoleAssignment' | 'sitePermission' | 'teamsApp';

export type DirectoryObject = Record<string, unknown> & { id: string };

interface Row { body: string }

/** Microsoft Graph's own service principal and its Sites.Selected application permission (well-known ids, the same in every tenant). */
export const microsoftGraphAppId = '00000003-0000-0000-c000-000000000000';
export const sitesSelectedRoleId = '883ea226-0bf2-4a8f-9f9d-92c9162a727d';
const microsoftGraphServicePrincipalId = '0f3b5c7e-2d41-4e6a-9b8c-1a2b3c4d5e6f';

export class DirectoryStore {
  constructor(private readonly db: Db) {}

  add(kind: DirectoryKind, body: Omit<DirectoryObject, 'id'> & { id?: string }, at: Date, parent = ''): DirectoryObject {
    const object = { ...body, id: body.id ?? newGuid() } as DirectoryObject;
    this.db.prepare('INSERT INTO directory_objects (kind, id, parent, body, created) VALUES (?, ?, ?, ?, ?)').run(kind, object.id, parent, JSON.stringify(object), at.toISOString());
    return object;
  }

  replace(kind: DirectoryKind, object: DirectoryObject): void {
    this.db.prepare('UPDATE directory_objects SET body = ? WHERE kind = ? AND id = ?').run(JSON.stringify(object), kind, object.id);
  }

  byId(kind: DirectoryKind, id: string): DirectoryObject | undefined {
    if (kind === 'servicePrincipal' && id === microsoftGraphServicePrincipalId) return microsoftGraphServicePrincipal;
    const row = this.db.prepare('SELECT body FROM directory_objects WHERE kind = ? AND id = ? COLLATE NOCASE').get(kind, id) as Row | undefined;
    return row && (JSON.parse(row.body) as DirectoryObject);
  }

  /** Every object of a kind (under `parent` when given), oldest first; Microsoft Graph's service principal is always there. */
  all(kind: DirectoryKind, parent?: string): DirectoryObject[] {
    const rows = (parent === undefined
      ? this.db.prepare('SELECT body FROM directory_objects WHERE kind = ? ORDER BY created, rowid').all(kind)
      : this.db.prepare('SELECT body FROM directory_objects WHERE kind = ? AND parent = ? ORDER BY created, rowid').all(kind, parent)) as Row[];
    const found = rows.map((r) => JSON.parse(r.body) as DirectoryObject);
    return kind === 'servicePrincipal' && parent === undefined ? [microsoftGraphServicePrincipal, ...found] : found;
  }

  /** The first object whose property equals the value (case-insensitive for strings, as Entra compares ids). */
  find(kind: DirectoryKind, property: string, value: string): DirectoryObject | undefined {
    return this.all(kind).find((o) => typeof o[property] === 'string' && (o[property] as string).toLowerCase() === value.toLowerCase());
  }
}

/** The resource the Sites.Selected grant points at (its appRoles carry only what the emulator knows about). */
const microsoftGraphServicePrincipal: DirectoryObject = {
  id: microsoftGraphServicePrincipalId,
  appId: microsoftGraphAppId,
  displayName: 'Microsoft Graph',
  servicePrincipalType: 'Application',
  appRoleAssignmentRequired: false,
  appRoles: [
    {
      id: sitesSelectedRoleId,
      value: 'Sites.Selected',
      displayName: 'Access selected site collections',
      description: 'Allow the application to access a subset of site collections without a signed in user. The specific site collections and the permissions granted will be configured in SharePoint Online.',
      allowedMemberTypes: ['Application'],
      isEnabled: true,
      origin: 'Application',
    },
  ],
};
