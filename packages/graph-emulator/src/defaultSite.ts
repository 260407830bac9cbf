/** The one site the embedded Graph serves (fictional host name). */
export const defaultSiteHostname = 'outreach.example.sharepoint.com';
export const defaultSitePath = '/sites/outreach';
