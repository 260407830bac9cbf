import { searchKey } from '../../workflow';

describe('searchKey: what a caseload search compares', () => {
  it.each([
    ['Chloé Brontë', 'chloe bronte'],
    ['ŁUCJA', 'łucja'],
    ['Straße', 'STRASSE'],
    ['ＪＯＳＥ', 'jose'],
    ['Σοφία Παπαδοπούλου', 'ΣΟΦΙΑ'],
    ['Дмитрий Соколов', 'СОКОЛОВ'],
    ['Zoe\u0308', 'zoë'],
  ])('"%s" is found by "%s"', (text, query) => {
    expect(searchKey(text)).toContain(searchKey(query));
  });

  it('invisible characters and runs of spaces do not keep a name from being found', () => {
    expect(searchKey('Ro\u200bwan   Test')).toBe('rowan test');
  });
});
