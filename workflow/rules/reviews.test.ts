import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBankHolidays, parseTermCalendars, schoolCalendar } from '../calendar';
import { reviewsDue } from './reviews';

const data = (file: string): unknown => JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'data', 'config', file), 'utf8'));
const calendars = parseTermCalendars(data('term-dates.json'));
const holidays = parseBankHolidays(data('bank-holidays.json'));
if (!calendars.ok || !holidays.ok) throw new Error('config data does not parse');
const northvale = schoolCalendar(calendars.value.find((c) => c.id === 'northvale-la') ?? calendars.value[0]!, holidays.value);
const contract = { contractId: '1', version: 1, startDate: '2026-10-05', reviewDate: '2026-12-10', supportEnds: '2026-11-20' };

describe('Rule "Reviews": at least one review per half-term while a contract is in force', () => {
  it('a half-term with no review is due by its last day', () => {
    const due = reviewsDue(contract, [], northvale, '2026-10-12');
    expect(due.map((d) => [d.halfTerm.term, d.halfTerm.half, d.dueBy, d.overdue])).toEqual([['autumn', 1, '2026-10-23', false]]);
  });

  it('once a half-term has ended without a review it is overdue, and the next half-term is due too', () => {
    const due = reviewsDue(contract, [], northvale, '2026-11-03');
    expect(due.map((d) => [d.dueBy, d.overdue])).toEqual([
      ['2026-10-23', true],
      ['2026-12-18', false],
    ]);
  });

  it('a review held in a half-term satisfies that half-term only', () => {
    const due = reviewsDue(contract, ['2026-10-20'], northvale, '2026-11-03');
    expect(due.map((d) => d.dueBy)).toEqual(['2026-12-18']);
  });

  it('a review before the contract started does not count', () => {
    const due = reviewsDue({ ...contract, startDate: '2026-10-12' }, ['2026-10-06'], northvale, '2026-10-14');
    expect(due.map((d) => d.dueBy)).toEqual(['2026-10-23']);
  });
});
