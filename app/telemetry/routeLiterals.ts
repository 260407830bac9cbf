/**
 * Path segments of the app's own routes (bot, tab and its API, documents, health, local pages). A
 * request's path is reduced to these and `:id` before it is sent (graph/client/pathTemplate.ts): a
 * route added later without its words here shows as `:id`, which is safe, and is fixed by adding them.
 */
export const appRouteLiterals: ReadonlySet<string> = new Set([
  'api', 'messages', 'tab', 'me', 'cases', 'card', 'cards', 'action', 'folder', 'files', 'documents', 'demo', 'staff',
  'healthz', 'details', 'diary', 'clock', 'mailbox', 'attachments', 'figures', 'export', 'invoicing', 'mark', 'assets',
  'settings', 'schools', 'purchases', 'price-lists', 'term-calendars', 'team-channel', 'index.html', 'favicon.ico',
]);
