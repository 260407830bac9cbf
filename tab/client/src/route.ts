/**
 * The tab's hash routes (a Teams iframe keeps its own path): #/cases, #/cases/<id>, #/config; the
 * configuration page also answers at the path /tab/config (a manifest's configurationUrl).
 */
export type Route =
  | { page: 'cases'; scope: 'personal' | 'team' }
  | { page: 'case'; caseId: string }
  | { page: 'config' };

export function parseRoute(hash: string, pathname = ''): Route {
  if (/\/config\/?$/.test(pathname)) return { page: 'config' };
  const raw = hash.replace(/^#/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(search);
  if (parts[0] === 'config') return { page: 'config' };
  if (parts[0] === 'cases' && parts[1]) return { page: 'case', caseId: decodeURIComponent(parts[1]) };
  return { page: 'cases', scope: params.get('scope') === 'team' ? 'team' : 'personal' };
}

export const caseHref = (caseId: string): string => `#/cases/${encodeURIComponent(caseId)}`;
export const casesHref = '#/cases';
