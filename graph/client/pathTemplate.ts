/**
 * A URL path reduced to its shape, for telemetry: every segment that is not a known literal becomes
 * `:id`, so an id, a name, an e-mail address or a file name never leaves the process. What is not
 * recognised is replaced, never kept: a new literal shows as `:id` until it is added here.
 */

/** Placeholder for a segment that is not a literal (`:` survives URL parsing, `{}` would be escaped). */
export const idSegment = ':id';

/** Segments of Microsoft Graph v1.0 paths the app calls (SharePoint lists, drives, mail, calendars). */
export const graphPathLiterals: ReadonlySet<string> = new Set([
  'v1.0', 'beta', '$batch', '$value', '$count', 'sites', 'lists', 'items', 'fields', 'columns', 'contentTypes', 'drive', 'drives',
  'root', 'root:', 'children', 'content', 'createUploadSession', 'permissions', 'versions', 'delta', 'listItem', 'driveItem',
  'search', 'copy', 'createLink', 'thumbnails', 'users', 'me', 'sendMail', 'messages', 'attachments', 'mailFolders', 'sentitems',
  'SentItems', 'calendar', 'calendars', 'events', 'calendarView', 'getSchedule', 'findMeetingTimes', 'cancel', 'instances',
  'onlineMeetings', 'subscriptions', 'groups', 'members', 'applications', 'servicePrincipals', 'appRoleAssignments',
  'appRoleAssignedTo', 'federatedIdentityCredentials', 'appCatalogs', 'teamsApps', 'oauth2PermissionGrants', 'organization',
]);

/** `:name` placeholders a route template may keep (route parameters named in the app's routers). */
const keptParameters: ReadonlySet<string> = new Set([':caseId', ':id', ':year', ':driveId', ':itemId', ':messageId', ':attachmentId', ':replyTo', ':conversationId', ':activityId']);

const MAX_TEMPLATE_LENGTH = 256;

/** The path without query or fragment, each non-literal segment replaced by `:id`. */
export function pathTemplate(path: string, literals: ReadonlySet<string>): string {
  const bare = path.split(/[?#]/, 1)[0] ?? '';
  const template = bare
    .split('/')
    .map((segment) => (segment === '' || literals.has(segment) || keptParameters.has(segment) ? segment : idSegment))
    .join('/');
  return template.slice(0, MAX_TEMPLATE_LENGTH);
}
