import { agree, counted, haveBeen, listed } from './words';

describe('Grammar: singular and plural agree', () => {
  it('one person has been told; several have been told', () => {
    expect(haveBeen(['Delphine Wrenfield (Mother)'], 'told')).toBe('Delphine Wrenfield (Mother) has been told');
    expect(haveBeen(['Delphine Wrenfield (Mother)', 'Osric Wrenfield (Father)'], 'told')).toBe('Delphine Wrenfield (Mother) and Osric Wrenfield (Father) have been told');
  });
  it('counts agree with their nouns, none included', () => {
    expect(counted(1, 'case')).toBe('1 case');
    expect(counted(0, 'case')).toBe('0 cases');
    expect(counted(2, 'person', 'people')).toBe('2 people');
    expect(agree(1, 'is', 'are')).toBe('is');
    expect(agree(3, 'is', 'are')).toBe('are');
  });
  it('lists read as a person writes them', () => {
    expect(listed([])).toBe('');
    expect(listed(['A'])).toBe('A');
    expect(listed(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listed(['A', 'B'], 'or')).toBe('A or B');
  });
});
