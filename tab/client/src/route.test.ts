import { dashboardHref, invoicingHref, parseRoute, settingsHref } from './route';

describe('the tab routes', () => {
  it('reads the dashboard and invoicing with their query, and settings with a section', () => {
    expect(parseRoute('#/dashboard?year=2025-26&school=s-1')).toEqual({ page: 'dashboard', search: '?year=2025-26&school=s-1' });
    expect(parseRoute('#/dashboard')).toEqual({ page: 'dashboard', search: '' });
    expect(parseRoute('#/invoicing?status=all')).toEqual({ page: 'invoicing', search: '?status=all' });
    expect(parseRoute('#/settings/schools')).toEqual({ page: 'settings', section: 'schools' });
    expect(parseRoute('#/settings')).toEqual({ page: 'settings', section: 'staff' });
  });

  it('writes links that read back the same', () => {
    expect(parseRoute(dashboardHref('?worker=w-2'))).toEqual({ page: 'dashboard', search: '?worker=w-2' });
    expect(parseRoute(invoicingHref())).toEqual({ page: 'invoicing', search: '' });
    expect(parseRoute(settingsHref('prices'))).toEqual({ page: 'settings', section: 'prices' });
  });

  it('keeps the old routes', () => {
    expect(parseRoute('#/cases/abc')).toEqual({ page: 'case', caseId: 'abc' });
    expect(parseRoute('')).toEqual({ page: 'cases', scope: 'personal' });
    expect(parseRoute('#/dashboard', '/tab/config')).toEqual({ page: 'config' });
  });
});
