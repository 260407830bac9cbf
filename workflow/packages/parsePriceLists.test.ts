import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePriceLists } from './parsePriceLists';

const dataFile = join(__dirname, '..', '..', 'data', 'config', 'price-lists.json');
const shipped = (): unknown => JSON.parse(readFileSync(dataFile, 'utf8'));
type Editable = Record<string, unknown> & { items: Record<string, unknown>[] };
const editable = (): Editable[] => shipped() as Editable[];

const fieldOfFailure = (json: unknown): string | undefined => {
  const result = parsePriceLists(json);
  if (result.ok) throw new Error('expected the price lists to be refused');
  expect(result.error.code).toBe('ValidationFailed');
  return result.error.field;
};

describe('parsePriceLists', () => {
  it('price-list data validates: the shipped file has 2025-26 and 2026-27 with the seed figures', () => {
    const result = parsePriceLists(shipped());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.map((l) => l.financialYear)).toEqual(['2025-26', '2026-27']);
    for (const list of result.value) {
      const figures = Object.fromEntries(list.items.map((i) => [i.code, [i.hours, i.price]]));
      expect(figures).toEqual({
        'universal-support-offer': [0, 550],
        bronze: [7, 650],
        silver: [13, 1000],
        'silver-top-up': [7, 550],
        'parent-support': [6, 550],
        'consultancy-hour': [1, 100],
        'training-staff-meeting-1h': [1, 210],
        'training-staff-meeting-1-5h': [1.5, 325],
        'training-twilight': [2, 375],
        'training-half-day': [3, 485],
        'training-full-day': [6, 800],
        'referral-placement': [0, 3000],
      });
      expect(list.consultancyRatePerHour).toBe(100);
      expect(list.travelCountsTowardHours).toBe(false);
      expect(list.items.find((i) => i.code === 'silver-top-up')?.requires).toBe('silver');
      expect(list.items.find((i) => i.code === 'parent-support')?.runsAlongside).toBe(true);
    }
  });

  it('travel defaults to not counted when the file leaves it out', () => {
    const lists = editable();
    delete lists[0]!.travelCountsTowardHours;
    const result = parsePriceLists(lists);
    expect(result.ok && result.value[0]?.travelCountsTowardHours).toBe(false);
  });

  it('bad data names the field: a negative price', () => {
    const lists = editable();
    lists[1]!.items[2]!.price = -5;
    expect(fieldOfFailure(lists)).toBe('[1].items[2].price');
  });

  it('bad data names the field: a code that is not kebab-case', () => {
    const lists = editable();
    lists[0]!.items[1]!.code = 'Bronze Package';
    expect(fieldOfFailure(lists)).toBe('[0].items[1].code');
  });

  it('bad data names the field: a repeated code', () => {
    const lists = editable();
    lists[0]!.items[2]!.code = 'bronze';
    expect(fieldOfFailure(lists)).toBe('[0].items[2].code');
  });

  it('bad data names the field: no universal offer', () => {
    const lists = editable();
    lists[0]!.items = lists[0]!.items.filter((i) => i.kind !== 'universal-offer');
    expect(fieldOfFailure(lists)).toBe('[0].items');
  });

  it('bad data names the field: two universal offers', () => {
    const lists = editable();
    lists[0]!.items[1]!.kind = 'universal-offer';
    expect(fieldOfFailure(lists)).toBe('[0].items');
  });

  it('bad data names the field: a top-up requiring a package not on the list', () => {
    const lists = editable();
    lists[0]!.items = lists[0]!.items.filter((i) => i.code !== 'silver');
    expect(fieldOfFailure(lists)).toMatch(/^\[0\]\.items\[\d+\]\.requires$/);
  });

  it('bad data names the field: a financial year written wrongly', () => {
    const lists = editable();
    lists[1]!.financialYear = '2026-2027';
    expect(fieldOfFailure(lists)).toBe('[1].financialYear');
  });

  it('bad data names the field: two lists for one year', () => {
    const lists = editable();
    lists[1]!.financialYear = '2025-26';
    expect(fieldOfFailure(lists)).toBe('[1].financialYear');
  });

  it('bad data names the field: an unknown activity in drawsFor', () => {
    const lists = editable();
    lists[0]!.items[4]!.drawsFor = ['gardening'];
    expect(fieldOfFailure(lists)).toBe('[0].items[4].drawsFor[0]');
  });

  it('bad data names the field: not a list at all', () => {
    expect(fieldOfFailure({ financialYear: '2025-26' })).toBe('priceLists');
  });
});
