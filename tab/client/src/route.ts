/**
 * The tab's hash routes (a Teams iframe keeps its own path): #/cases, #/cases/<id>, #/dashboard?…,
 * #/invoicing?…, #/settings/<section>, #/config; the configuration page also answers at the path
 * /tab/config (a manifest's configurationUrl). The dashboard's and invoicing's filters live in the
 * hash's query, so a link reopens the same view.
 */
export type Route =
  | { page: 'cases'; scope: 'personal' | 'team' }
  | { page: 'case'; caseId: string }
  | { page: 'dashboard'; search: string }
  | { page: 'invoicing'; search: string }
  | { page: 'settings'; section: string }
  | { page: 'config' };

export const defaultSettingsSection = 'staff';

export function parseRoute(hash: string, pathname = ''): Route {
  if (/\/config\/?$/.test(pathname)) return { page: 'config' };
  const raw = hash.replace(/^#/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(search);
  const query = search ? `?${search}` : '';
  if (parts[0] === 'config') return { page: 'config' };
  if (parts[0] === 'cases' && parts[1]) return { page: 'case', caseId: decodeURIComponent(parts[1]) };
  if (parts[0] === 'dashboard') return { page: 'dashboard', search: query };
  if (parts[0] === 'invoicing') return { page: 'invoicing', search: query };
  if (parts[0] === 'settings') return { page: 'settings', section: parts[1] ? decodeURIComponent(parts[1]) : defaultSettingsSection };
  return { page: 'cases', scope: params.get('scope') === 'team' ? 'team' : 'personal' };
}

export const caseHref = (caseId: string): string => `#/cases/${encodeURIComponent(caseId)}`;
export const casesHref = '#/cases';
export const dashboardHref = (search = ''): string => `#/dashboard${search}`;
export const invoicingHref = (search = ''): string => `#/invoicing${search}`;
export const settingsHref = (section = defaultSettingsSection): string => `#/settings/${encodeURIComponent(section)}`;
