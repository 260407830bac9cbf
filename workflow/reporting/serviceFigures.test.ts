import { Figures as FiguresContract } from '../../tab/contract/dashboard';
import { demoYear } from './demoYear.testing';
import type { FigureTable, Figures } from './figureTable';
import { academicYearPeriod, dateRangePeriod, type ReportPeriod } from './period';
import type { ReportFilters } from './scope';
import { serviceFigures } from './serviceFigures';

// Every number below was worked out by hand from demoYear.testing.ts (see /work/notes/figures.md).
const world = demoYear();
const year = academicYearPeriod('2025-26');
const figuresOf = (period: ReportPeriod = year, filters: ReportFilters = {}, today = '2026-09-14'): Figures =>
  serviceFigures({ ...world, period, filters, today }, '2026-09-14T09:00:00.000Z');

const table = (f: Figures, id: string): FigureTable => {
  const found = f.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
/** The table's rows as label -> the given column. */
const column = (t: FigureTable, key: string): Record<string, unknown> => {
  const label = t.columns[0]?.key ?? '';
  return Object.fromEntries(t.rows.map((r) => [String(r[label]), r[key]]));
};
const headline = (f: Figures, id: string): number | undefined => f.headlines.find((h) => h.id === id)?.value;

describe('serviceFigures, the demo year 2025-26 worked out by hand', () => {
  const f = figuresOf();

  it('has the shape the tab reads', () => {
    expect(FiguresContract.safeParse(f).success).toBe(true);
    const typed: FiguresContract = f;
    expect(typed.period).toEqual({ label: 'Academic year 2025-26', from: '2025-09-01', to: '2026-08-31' });
  });

  it('counts each pupil once: 24 cases open in the year, 23 pupils (one re-referred)', () => {
    expect(headline(f, 'pupils')).toBe(23);
    expect(f.headlines.find((h) => h.id === 'pupils')?.note).toBe('24 cases open in the period');
    expect(column(table(f, 'pupils-gender'), 'count')).toEqual({ Girls: 8, Boys: 15 });
    expect(column(table(f, 'pupils-gender'), 'percent')).toEqual({ Girls: 34.8, Boys: 65.2 });
    expect(table(f, 'pupils-gender').total).toEqual({ category: 'Total', count: 23, percent: 100 });
  });

  it('splits primary and secondary and key stages by the year group when referred', () => {
    expect(column(table(f, 'pupils-phase'), 'count')).toEqual({ Primary: 7, Secondary: 16 });
    expect(column(table(f, 'pupils-phase'), 'percent')).toEqual({ Primary: 30.4, Secondary: 69.6 });
    expect(Object.values(column(table(f, 'pupils-key-stage'), 'count'))).toEqual([1, 2, 4, 11, 4, 1]);
    expect(Object.values(column(table(f, 'pupils-key-stage'), 'percent'))).toEqual([4.3, 8.7, 17.4, 47.8, 17.4, 4.3]);
    expect(headline(f, 'ks3')).toBe(47.8);
  });

  it('gives SEND, Pupil Premium, FSM and looked-after shares of all pupils', () => {
    const needs = table(f, 'pupils-needs');
    expect(column(needs, 'count')).toEqual({
      'SEND (EHC plan or SEN support)': 9,
      'EHC plan': 3,
      'SEN support': 6,
      'Pupil Premium': 11,
      'Free school meals': 7,
      'Looked-after children': 2,
    });
    expect(Object.values(column(needs, 'percent'))).toEqual([39.1, 13, 26.1, 47.8, 30.4, 8.7]);
    expect([headline(f, 'send'), headline(f, 'pupil-premium'), headline(f, 'fsm'), headline(f, 'looked-after')]).toEqual([39.1, 47.8, 30.4, 2]);
  });

  it('counts pupils by the school of their first case', () => {
    expect(column(table(f, 'pupils-by-school'), 'count')).toEqual({
      'Elmstead High School': 5,
      'Harbourside Academy': 7,
      'Kingsmoor School': 5,
      'Larkspur Primary School': 6,
    });
    expect(table(f, 'pupils-by-school').total).toEqual({ category: 'Total', count: 23, percent: 100 });
  });

  it('counts destinations and how the 13 cases closed in the year ended', () => {
    const destinations = table(f, 'destinations');
    expect(column(destinations, 'count')).toEqual({
      'Back in mainstream': 7,
      'Specialist provision': 1,
      'Alternative provision': 2,
      Other: 1,
      'Closed early, no destination': 2,
    });
    expect(Object.values(column(destinations, 'percent'))).toEqual([53.8, 7.7, 15.4, 7.7, 15.4]);
    expect(destinations.total).toEqual({ category: 'Total', count: 13, percent: 100 });
    expect(headline(f, 'mainstream')).toBe(53.8);
    expect(column(table(f, 'case-endings'), 'count')).toEqual({
      'Support ended at the review': 9,
      'Referral declined': 0,
      'Parental consent refused': 1,
      'Parental consent withdrawn': 0,
      'Pupil moved school': 1,
      'Pupil permanently excluded': 1,
      'Support no longer needed': 1,
    });
    expect(column(table(f, 'case-endings'), 'percent')['Support ended at the review']).toBe(69.2);
  });

  it('sets hours delivered in the year against the hours bought for the financial years it touches, per school', () => {
    const bySchool = table(f, 'hours-by-school');
    expect(bySchool.rows).toEqual([
      { name: 'Elmstead High School', bought: 20, delivered: 14.5, overrun: 0, deliveredPercent: 72.5 },
      { name: 'Harbourside Academy', bought: 34, delivered: 31.25, overrun: 3.75, deliveredPercent: 91.9 },
      { name: 'Kingsmoor School', bought: 40, delivered: 30, overrun: 0, deliveredPercent: 75 },
      // Bought in 2024-25 (not counted), delivered in this year: nothing to divide by.
      { name: 'Larkspur Primary School', bought: 0, delivered: 3, overrun: 2, deliveredPercent: 0 },
    ]);
    expect(bySchool.total).toEqual({ name: 'Total', bought: 94, delivered: 78.75, overrun: 5.75, deliveredPercent: 83.8 });
    expect(headline(f, 'hours-delivered')).toBe(78.75);
  });

  it('and per package, with the hours beyond what was bought on their own row', () => {
    expect(table(f, 'hours-by-package').rows).toEqual([
      { name: 'Bronze Package', bought: 28, delivered: 24, overrun: 0, deliveredPercent: 85.7 },
      { name: 'Consultancy hour', bought: 1, delivered: 0, overrun: 0, deliveredPercent: 0 },
      { name: 'Parent Support Package', bought: 6, delivered: 5, overrun: 0, deliveredPercent: 83.3 },
      { name: 'Silver Package', bought: 52, delivered: 38, overrun: 0, deliveredPercent: 73.1 },
      { name: 'Silver Package Top-Up', bought: 7, delivered: 6, overrun: 0, deliveredPercent: 85.7 },
      { name: 'Beyond what was bought (invoiced at the consultancy rate)', bought: 0, delivered: 5.75, overrun: 5.75, deliveredPercent: 0 },
    ]);
  });

  it('adds up income per financial year in pounds and pence, overrun at each year rate', () => {
    const income = table(f, 'income-by-package');
    expect(income.columns.map((c) => c.key)).toEqual(['name', 'fy202526', 'fy202627', 'total']);
    expect(income.rows).toEqual([
      { name: 'Bronze Package', fy202526: 1950, fy202627: 650, total: 2600 },
      { name: 'Consultancy hour', fy202526: 0, fy202627: 100, total: 100 },
      { name: 'Parent Support Package', fy202526: 550, fy202627: 0, total: 550 },
      { name: 'Silver Package', fy202526: 3000, fy202627: 1000, total: 4000 },
      { name: 'Silver Package Top-Up', fy202526: 550, fy202627: 0, total: 550 },
      { name: 'Universal Support Offer', fy202526: 2200, fy202627: 1100, total: 3300 },
      { name: 'Hours beyond what was bought (consultancy rate)', fy202526: 475, fy202627: 105, total: 580 },
    ]);
    expect(income.total).toEqual({ name: 'Total', fy202526: 8725, fy202627: 2955, total: 11680 });
    expect(headline(f, 'income')).toBe(11680);
  });

  it('counts cases per worker, with hours left on open cases at the year end and capacity', () => {
    const workers = table(f, 'cases-by-worker');
    expect(workers.rows).toEqual([
      { name: 'Adaeze Lindqvist', openAtEnd: 5, opened: 8, closed: 3, hoursLeft: 3, capacity: 22.5 },
      { name: 'Haruto Penrose', openAtEnd: 3, opened: 6, closed: 4, hoursLeft: 0, capacity: 15 },
      { name: 'Tomasz Reilly', openAtEnd: 2, opened: 8, closed: 6, hoursLeft: 7, capacity: 30 },
      { name: 'Not allocated', openAtEnd: 1, opened: 1, closed: 0, hoursLeft: 0, capacity: null },
    ]);
    expect(workers.total).toEqual({ name: 'Total', openAtEnd: 11, opened: 23, closed: 13, hoursLeft: 10, capacity: null });
  });

  it('measures days from referral to first visit and to an approved contract', () => {
    const visit = table(f, 'days-to-first-visit');
    expect(Object.values(column(visit, 'count'))).toEqual([3, 3, 3, 1, 13]);
    expect(Object.values(column(visit, 'percent'))).toEqual([30, 30, 30, 10, null]);
    expect(visit.description).toContain('Median 11.5 days, mean 14.7 days, over 10 cases.');
    expect(headline(f, 'days-to-first-visit')).toBe(11.5);
    const contract = table(f, 'days-to-contract');
    expect(Object.values(column(contract, 'count'))).toEqual([0, 2, 4, 2, 15]);
    expect(contract.description).toContain('Median 17.5 days, mean 22.1 days, over 8 cases.');
  });

  it('counts reviews on time (with the grace), late and missed', () => {
    const reviews = table(f, 'reviews-on-time');
    expect(column(reviews, 'count')).toEqual({
      'Held on time': 6,
      'Held late': 2,
      Missed: 3,
      'Not yet due': 0,
      'Case closed before the review': 0,
    });
    expect(column(reviews, 'percent')['Held on time']).toBe(54.5);
    expect(reviews.total).toEqual({ status: 'Reviews due', count: 11, percent: null });
    expect(reviews.description).toContain('10 reviews were recorded in the period.');
    expect(headline(f, 'reviews-on-time')).toBe(54.5);
  });

  it('offers the years with data, the schools, the workers and the packages', () => {
    expect(f.options.years.map((o) => o.value)).toEqual(['2026-27', '2025-26', '2024-25', '2023-24']);
    expect(f.options.schools.map((o) => o.value)).toEqual(['sC', 'sB', 'sD', 'sA']);
    expect(f.options.workers.map((o) => o.label)).toEqual(['Adaeze Lindqvist', 'Haruto Penrose', 'Tomasz Reilly']);
    expect(f.options.packages).toContainEqual({ value: 'silver', label: 'Silver Package' });
  });
});

describe('serviceFigures, filtered', () => {
  it('one school: its cases, its purchases', () => {
    const f = figuresOf(year, { schoolId: 'sB' });
    // c01, c02, c03, c10, c14, c18, c21.
    expect(headline(f, 'pupils')).toBe(7);
    expect(table(f, 'hours-by-school').rows).toEqual([{ name: 'Harbourside Academy', bought: 34, delivered: 31.25, overrun: 3.75, deliveredPercent: 91.9 }]);
    // 2025-26: Universal Offer 550, Silver 1000, two Bronze 1300, 2.75 h over at £100 = 275. 2026-27: 550, Bronze 650, 1 h over at £105.
    expect(table(f, 'income-by-package').total).toEqual({ name: 'Total', fy202526: 3125, fy202627: 1305, total: 4430 });
  });

  it('one worker: their cases only, and only their line', () => {
    const f = figuresOf(year, { workerId: 'w3' });
    // c05, c06, c09, c12, c17, c19, c22.
    expect(headline(f, 'pupils')).toBe(7);
    expect(table(f, 'cases-by-worker').rows).toEqual([{ name: 'Haruto Penrose', openAtEnd: 3, opened: 6, closed: 4, hoursLeft: 0, capacity: 15 }]);
    // c12 (Bronze, 5 h) and c17 (1 h drawn, 2 h over); the Universal Offers are no worker's.
    expect(table(f, 'hours-by-school').total).toEqual({ name: 'Total', bought: 7, delivered: 8, overrun: 2, deliveredPercent: 114.3 });
    expect(table(f, 'income-by-package').total).toEqual({ name: 'Total', fy202526: 850, fy202627: 0, total: 850 });
  });

  it('one package: the cases drawing on it, its purchases', () => {
    const f = figuresOf(year, { packageCode: 'bronze' });
    // c02, c10, c12, c14, c17.
    expect(headline(f, 'pupils')).toBe(5);
    expect(table(f, 'hours-by-package').rows).toEqual([
      { name: 'Bronze Package', bought: 28, delivered: 24, overrun: 0, deliveredPercent: 85.7 },
      { name: 'Beyond what was bought (invoiced at the consultancy rate)', bought: 0, delivered: 5.75, overrun: 5.75, deliveredPercent: 0 },
    ]);
  });
});

describe('serviceFigures, other periods', () => {
  it('an empty period: zeros, and tables saying there is nothing to count', () => {
    const f = figuresOf(academicYearPeriod('2019-20'));
    expect(FiguresContract.safeParse(f).success).toBe(true);
    expect(f.headlines.every((h) => h.value === 0)).toBe(true);
    expect(table(f, 'pupils-gender').description).toContain('There are no pupils in this period.');
    expect(column(table(f, 'pupils-gender'), 'percent')).toEqual({ Girls: 0, Boys: 0 });
    expect(table(f, 'destinations').description).toContain('There are no closed cases in this period.');
    expect(table(f, 'reviews-on-time').description).toContain('There are no reviews due in this period.');
  });

  it('the year before counts the case spanning both years, and the year-group a year younger', () => {
    const f = figuresOf(academicYearPeriod('2024-25'));
    // c17 (referred 2024-11-04) and x4 (2025-06-02 to 2025-08-31); x1 closed in 2023-24.
    expect(headline(f, 'pupils')).toBe(2);
    expect(column(table(f, 'pupils-phase'), 'count')).toEqual({ Primary: 2, Secondary: 0 });
    const older = figuresOf(academicYearPeriod('2023-24'));
    // x6 (ch24, Year 9 when re-referred in 2025-26: Year 7 in 2023-24) and x1.
    expect(headline(older, 'pupils')).toBe(2);
    expect(Object.values(column(table(older, 'pupils-key-stage'), 'count'))).toEqual([0, 0, 0, 2, 0, 0]);
  });

  it('a range of dates: one term', () => {
    const f = figuresOf(dateRangePeriod('2025-09-01', '2025-12-19'));
    expect(f.period.label).toBe('Mon 1 Sep 2025 to Fri 19 Dec 2025');
    // Referred by 19 December: c01-c09, c24, and c17 (closed 20 October).
    expect(headline(f, 'pupils')).toBe(11);
  });
});
