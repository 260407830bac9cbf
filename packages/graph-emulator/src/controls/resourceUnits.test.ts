import type { GraphMethod } from '../http/graphRequest';
import { ResourceUnitMeter, resourceUnitsOf } from './resourceUnits';

const units = (method: GraphMethod, url: string): number => {
  const [path = '', query = ''] = url.split('?');
  return resourceUnitsOf({ method, path, query: new URLSearchParams(query) });
};

describe('SharePoint resource units per request', () => {
  it.each([
    ['a single item', 'GET', '/sites/s/lists/l/items/7', 1],
    ['a multi-item query', 'GET', '/sites/s/lists/l/items', 2],
    ['a file download', 'GET', '/drives/d/items/i/content', 1],
    ['a delta with a token', 'GET', '/drives/d/root/delta?token=abc', 1],
    ['a delta without a token', 'GET', '/drives/d/root/delta', 2],
    ['a create', 'POST', '/sites/s/lists/l/items', 2],
    ['an update', 'PATCH', '/sites/s/lists/l/items/7/fields', 2],
    ['a delete', 'DELETE', '/sites/s/lists/l/items/7', 2],
    ['an upload', 'PUT', '/drives/d/root:/a.pdf:/content', 2],
    ['a permission read', 'GET', '/drives/d/items/i/permissions', 5],
    ['an expand of permissions', 'GET', '/drives/d/items/i?$expand=permissions', 5],
    ['mail (Exchange, not SharePoint)', 'POST', '/users/u/sendMail', 0],
  ] as const)('%s costs %d', (_what, method, url, expected) => {
    expect(units(method, url)).toBe(expected);
  });

  it('throttles beyond the budget of the minute, throttled requests counting, and starts afresh the next minute', () => {
    let now = 0;
    const meter = new ResourceUnitMeter(() => now);
    expect(meter.charge(2, 4)).toBeUndefined();
    expect(meter.charge(2, 4)).toBeUndefined();
    now = 15_000;
    expect(meter.charge(1, 4)).toEqual({ retryAfterSeconds: 45 });
    now = 60_000;
    expect(meter.charge(2, 4)).toBeUndefined();
    expect(meter.charge(2, undefined)).toBeUndefined();
  });
});
