import { splitPath } from './pathSegments';

const plain = (name: string) => ({ name, parenthesised: undefined, address: undefined });

describe('splitPath', () => {
  it('cuts a plain path into segments, ignoring empty ones', () => {
    expect(splitPath('/sites/s1/lists/')).toEqual([plain('sites'), plain('s1'), plain('lists')]);
  });

  it('makes a path address closed by a colon one segment, followed by the rest', () => {
    expect(splitPath('/drives/d/root:/Folder/Sub:/children')).toEqual([
      plain('drives'), plain('d'), { name: 'root', parenthesised: undefined, address: 'Folder/Sub' }, plain('children'),
    ]);
  });

  it('runs an unclosed path address to the end of the path', () => {
    expect(splitPath('/sites/contoso.sharepoint.com:/sites/outreach')).toEqual([
      plain('sites'), { name: 'contoso.sharepoint.com', parenthesised: undefined, address: 'sites/outreach' },
    ]);
  });

  it('keeps a file name with spaces and dots inside the address', () => {
    expect(splitPath('/drives/d/items/p1:/Consent form v2.pdf:/content')[3]).toEqual({ name: 'p1', parenthesised: undefined, address: 'Consent form v2.pdf' });
  });

  it('accepts an empty address (`root:`)', () => {
    expect(splitPath('/drives/d/root:')[2]).toEqual({ name: 'root', parenthesised: undefined, address: '' });
  });

  it('keeps slashes inside function arguments', () => {
    expect(splitPath("/sites/root/getByPath(path='/sites/a/b')/lists")).toEqual([
      plain('sites'), plain('root'), { name: 'getByPath', parenthesised: "path='/sites/a/b'", address: undefined }, plain('lists'),
    ]);
  });

  it('separates a key in parentheses from its collection', () => {
    expect(splitPath("/users('u1')")[0]).toEqual({ name: 'users', parenthesised: "'u1'", address: undefined });
  });

  it('treats a lone colon as a plain segment', () => {
    expect(splitPath('/a/:')).toEqual([plain('a'), plain(':')]);
  });
});
