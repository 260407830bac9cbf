/**
 * Fixed ids of what provisioning makes, chosen once: changing one would make Entra see a new role
 * or scope (and drop the people assigned to the old one).
 */
export const APP_UNIQUE_NAME = 'outreach-cases';
export const APP_DISPLAY_NAME = 'Outreach Cases';

export const appRoleIds = {
  Manager: '6a1f3c2e-4b5d-4e8f-9a17-2c3d4e5f6a71',
  Admin: '7b2e4d3f-5c6e-4f90-8b28-3d4e5f6a7b82',
  Worker: '8c3f5e40-6d7f-4a01-9c39-4e5f6a7b8c93',
  DSL: '9d406f51-7e80-4b12-8d4a-5f6a7b8c9da4',
} as const;
export type AppRoleName = keyof typeof appRoleIds;

/** The tab's delegated scope (tab/server/tabAuth.ts checks it). */
export const accessAsUserScopeId = 'ae517062-8f91-4c23-9e5b-6a7b8c9daeb5';

/**
 * The Teams clients that get a token for the tab without a consent prompt (Microsoft Learn, "Configure
 * your tab app in Microsoft Entra ID"): Teams desktop and mobile, Teams web. The app is offered in
 * Teams only, so the Microsoft 365 and Outlook clients on that page are not pre-authorised.
 */
export const teamsClientIds = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'] as const;

/** Microsoft Graph's appId (the same in every tenant) and its Sites.Selected application permission. */
export const microsoftGraphAppId = '00000003-0000-0000-c000-000000000000';
export const sitesSelectedRoleId = '883ea226-0bf2-4a8f-9f9d-92c9162a727d';

export const FEDERATED_CREDENTIAL_NAME = 'outreach-cases-managed-identity';
export const tokenExchangeAudience = 'api://AzureADTokenExchange';
