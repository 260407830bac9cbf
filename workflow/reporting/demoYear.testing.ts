// A fictional year of the service (2025-26) whose figures are worked out by hand in
// serviceFigures.test.ts, and a seeded generator of larger fictional histories for demo data.
// Change `demoYearCases` and the hand-worked numbers must be redone.
import type { PriceList } from '../model/priceList';
import type { School } from '../model/school';
import type { Staff } from '../model/staff';
import type { HistorySnapshot } from '../ports/serviceHistory';
import type { Purchase } from '../model/purchase';
import { seededRandom } from '../seededRandom';
import { fixturePriceList, fixtureSchool, fixtureStaff, historyFrom, schoolPurchase, type CaseSpec, type ChildSpec } from './historyBuilder.testing';

export interface FixtureWorld {
  history: HistorySnapshot;
  schools: School[];
  staff: Staff[];
  priceLists: PriceList[];
}

export const demoSchools = (): School[] => [
  fixtureSchool('sA', 'Larkspur Primary School', 'primary', '900001'),
  fixtureSchool('sB', 'Harbourside Academy', 'secondary', '900002'),
  fixtureSchool('sC', 'Elmstead High School', 'secondary', '900003'),
  fixtureSchool('sD', 'Kingsmoor School', 'all-through', '900004'),
];

export const demoStaff = (): Staff[] => [
  fixtureStaff('w1', 'Tomasz Reilly', ['worker'], 30),
  fixtureStaff('w2', 'Adaeze Lindqvist', ['worker'], 22.5),
  fixtureStaff('w3', 'Haruto Penrose', ['worker'], 15),
  fixtureStaff('m1', 'Imogen Castellanos', ['manager'], 0),
];

/** 2024-25 and 2025-26 at £100 an hour over what was bought, 2026-27 at £105. */
export const demoPriceLists = (): PriceList[] => [fixturePriceList('2024-25'), fixturePriceList('2025-26'), fixturePriceList('2026-27', 105)];

const child = (id: string, firstName: string, lastName: string, gender: ChildSpec['gender'], yearGroup: number, extra: Partial<ChildSpec> = {}): ChildSpec => ({
  id,
  firstName,
  lastName,
  gender,
  yearGroup,
  ...extra,
});

const pp = { pupilPremium: true };
const fsm = { freeSchoolMeals: true };

/** 24 cases open in 2025-26 (23 pupils: ch07 is referred twice), and four outside it. */
export const demoYearCases = (): CaseSpec[] => [
  // Before the year: closed in 2023-24 and 2024-25, and the day before it starts.
  { id: 'x6', child: 'ch24', school: 'sD', worker: 'w2', referred: '2023-10-02', closed: { on: '2024-02-09', how: 'review-ended', destination: 'mainstream' } },
  { id: 'x1', child: child('ch25', 'Tamsin', 'Roe', 'female', 9), school: 'sC', worker: 'w1', referred: '2024-03-10', closed: { on: '2024-07-15', how: 'review-ended', destination: 'mainstream' } },
  { id: 'x4', child: child('ch27', 'Cerys', 'Banfield', 'female', 5), school: 'sA', worker: 'w3', referred: '2025-06-02', closed: { on: '2025-08-31', how: 'no-longer-needed' } },
  // After the year.
  { id: 'x3', child: child('ch26', 'Idris', 'Lowe', 'male', 8), school: 'sC', worker: 'w1', referred: '2026-09-07' },
  {
    id: 'c01', child: child('ch01', 'Ifeoma', 'Castellane', 'female', 8, { send: 'sen-support', ...pp, ...fsm }), school: 'sB', worker: 'w1', referred: '2025-09-08',
    closed: { on: '2026-01-30', how: 'review-ended', destination: 'mainstream' },
    purchases: [{ id: 'p01', code: 'silver', financialYear: '2025-26', on: '2025-09-20', hours: 13, price: 1000 }],
    observations: ['2025-09-12'], homeVisits: ['2025-09-25'],
    contracts: [{ approvedOn: '2025-10-10', start: '2025-10-20', review: '2025-12-01' }, { approvedOn: '2025-12-05', start: '2025-12-08', review: '2026-01-26' }],
    reviews: ['2025-12-01', '2026-01-28'],
    time: [['2025-10-06', 2, 'observation'], ['2025-12-01', 1.5, 'report-writing'], ['2026-01-12', 1, 'travel']],
    sessions: [['2025-10-20', 3], ['2025-11-10', 3]],
  },
  {
    id: 'c02', child: child('ch02', 'Tobiah', 'Wren', 'male', 9, { send: 'ehc-plan' }), school: 'sB', worker: 'w1', referred: '2025-09-22',
    closed: { on: '2026-02-27', how: 'review-ended', destination: 'specialist-provision' },
    purchases: [{ id: 'p02', code: 'bronze', financialYear: '2025-26', on: '2025-10-01', hours: 7, price: 650 }],
    observations: ['2025-10-15'], homeVisits: ['2025-10-01'],
    contracts: [{ approvedOn: '2025-10-20', start: '2025-11-03', review: '2025-12-15' }],
    reviews: ['2026-01-05'],
    time: [['2025-10-15', 2, 'observation'], ['2026-01-20', 1.25, 'meeting']],
    sessions: [['2025-11-05', 3], ['2025-12-03', 3.5]],
  },
  { id: 'c03', child: child('ch03', 'Mateusz', 'Ołdak', 'male', 7, pp), school: 'sB', worker: 'w2', referred: '2025-10-06', observations: ['2025-10-27'] },
  {
    id: 'c04', child: child('ch04', 'Kwabena', 'Thistlewood', 'male', 10, { send: 'sen-support', ...pp, ...fsm, lookedAfter: true }), school: 'sC', worker: 'w2', referred: '2025-10-13',
    closed: { on: '2026-03-20', how: 'review-ended', destination: 'alternative-provision' },
    purchases: [
      { id: 'p04', code: 'silver', financialYear: '2025-26', on: '2025-10-20', hours: 13, price: 1000 },
      { id: 'p04b', code: 'parent-support', financialYear: '2025-26', on: '2025-11-01', hours: 6, price: 550 },
    ],
    observations: ['2025-10-16'],
    contracts: [{ approvedOn: '2025-10-31', start: '2025-11-03', review: '2026-01-19' }],
    reviews: ['2026-01-23', '2026-03-18'],
    time: [['2025-11-17', 2, 'parent-support'], ['2026-01-26', 3, 'parent-support']],
    sessions: [['2025-11-03', 3], ['2025-12-08', 4], ['2026-02-23', 2.5]],
  },
  {
    id: 'c05', child: child('ch05', 'Soraya', 'Vell', 'female', 4), school: 'sA', worker: 'w3', referred: '2025-10-20',
    closed: { on: '2026-02-06', how: 'review-ended', destination: 'mainstream' }, observations: ['2025-11-24'],
  },
  { id: 'c06', child: child('ch06', 'Rhys', 'Pennard', 'male', 2, { send: 'sen-support', ...pp, ...fsm }), school: 'sA', worker: 'w3', referred: '2025-11-03' },
  { id: 'c07', child: child('ch07', 'Дмитро', 'Ковальчук', 'male', 8), school: 'sC', worker: 'w1', referred: '2025-11-10', closed: { on: '2025-12-05', how: 'consent-refused' } },
  {
    id: 'c08', child: child('ch08', 'Αλεξάνδρα', 'Πετροπούλου', 'female', 11, { send: 'ehc-plan', ...pp, lookedAfter: true }), school: 'sD', worker: 'w2', referred: '2025-11-17',
    closed: { on: '2026-05-22', how: 'review-ended', destination: 'other' },
    purchases: [
      { id: 'p08', code: 'silver', financialYear: '2025-26', on: '2025-12-01', hours: 13, price: 1000 },
      { id: 'p08b', code: 'silver-top-up', financialYear: '2025-26', on: '2026-02-20', hours: 7, price: 550 },
    ],
    observations: ['2025-11-24'],
    contracts: [{ approvedOn: '2025-12-04', start: '2025-12-08', review: '2026-02-02' }, { approvedOn: '2026-03-02', start: '2026-03-09', review: '2026-04-27' }],
    reviews: ['2026-04-27', '2026-05-20'],
    sessions: [['2025-12-10', 4], ['2026-01-14', 4], ['2026-02-11', 4], ['2026-03-11', 4], ['2026-04-22', 3]],
  },
  { id: 'c09', child: child('ch09', 'Yusuf', 'Brightwater', 'male', 0), school: 'sA', worker: 'w3', referred: '2025-12-01' },
  {
    id: 'c10', child: child('ch10', 'Oisín', 'Marlowe', 'male', 9, { send: 'sen-support', ...pp, ...fsm }), school: 'sB', worker: 'w1', referred: '2026-01-12',
    closed: { on: '2026-06-19', how: 'review-ended', destination: 'mainstream' },
    purchases: [{ id: 'p10', code: 'bronze', financialYear: '2025-26', on: '2026-01-20', hours: 7, price: 650 }],
    homeVisits: ['2026-01-26'],
    contracts: [{ approvedOn: '2026-01-27', start: '2026-02-02', review: '2026-03-16' }],
    reviews: ['2026-03-16'],
    time: [['2026-04-20', 2, 'report-writing']],
    sessions: [['2026-02-02', 3], ['2026-03-02', 3]],
  },
  { id: 'c11', child: child('ch11', 'سارا', 'حدادی', 'female', 7, pp), school: 'sC', worker: 'w2', referred: '2026-01-19' },
  {
    id: 'c12', child: child('ch12', 'Hamza', 'Quill', 'male', 5), school: 'sD', worker: 'w3', referred: '2026-02-02',
    closed: { on: '2026-07-10', how: 'review-ended', destination: 'mainstream' },
    purchases: [{ id: 'p12', code: 'bronze', financialYear: '2025-26', on: '2026-02-10', hours: 7, price: 650 }],
    observations: ['2026-02-20'],
    contracts: [{ approvedOn: '2026-02-13', start: '2026-02-23', review: '2026-04-20' }],
    reviews: ['2026-07-08'],
    sessions: [['2026-02-23', 2.5], ['2026-03-16', 2.5]],
  },
  { id: 'c13', child: child('ch13', 'Luca', 'Ferranti', 'male', 12), school: 'sD', worker: 'w1', referred: '2026-02-09', closed: { on: '2026-03-13', how: 'moved-school', destination: 'mainstream' } },
  {
    id: 'c14', child: child('ch14', 'Mei', 'Lindgren', 'female', 8, { send: 'sen-support' }), school: 'sB', worker: 'w2', referred: '2026-03-02',
    purchases: [{ id: 'p14', code: 'bronze', financialYear: '2026-27', on: '2026-04-15', hours: 7, price: 650 }],
    observations: ['2026-03-30'],
    contracts: [{ approvedOn: '2026-04-13', start: '2026-05-04', review: '2026-06-15' }],
    sessions: [['2026-05-04', 2], ['2026-06-08', 2], ['2026-09-14', 2]],
  },
  { id: 'c15', child: child('ch15', 'Arjun', 'Hollis', 'male', 10, { ...pp, ...fsm }), school: 'sC', referred: '2026-06-15' },
  // ch07 again: a re-referral, the same pupil.
  { id: 'c16', child: 'ch07', school: 'sC', worker: 'w1', referred: '2026-03-09' },
  {
    // Spans two years: referred in 2024-25, closed in 2025-26; hours beyond the Bronze package in both.
    id: 'c17', child: child('ch17', '美咲', '山川', 'female', 6), school: 'sA', worker: 'w3', referred: '2024-11-04',
    closed: { on: '2025-10-20', how: 'review-ended', destination: 'mainstream' },
    purchases: [{ id: 'p17', code: 'bronze', financialYear: '2024-25', on: '2024-11-20', hours: 7, price: 650 }],
    observations: ['2024-11-10'],
    contracts: [{ approvedOn: '2024-12-01', start: '2024-12-02', review: '2025-01-27' }, { approvedOn: '2025-09-08', start: '2025-09-15', review: '2025-10-13' }],
    reviews: ['2025-01-27', '2025-10-13'],
    time: [['2025-10-06', 1, 'meeting']],
    sessions: [['2024-12-02', 3], ['2025-01-13', 3], ['2025-09-15', 2]],
  },
  { id: 'c18', child: child('ch18', 'Elijah', 'Strand', 'male', 7), school: 'sB', worker: 'w2', referred: '2026-08-31' },
  { id: 'c19', child: child('ch19', 'Kofi', 'Ashdown', 'male', 3, pp), school: 'sA', worker: 'w3', referred: '2026-04-20', closed: { on: '2026-06-05', how: 'permanently-excluded', destination: 'alternative-provision' } },
  {
    id: 'c20', child: child('ch20', 'Nadia', 'Orłowska', 'female', 9, { send: 'ehc-plan', ...pp, ...fsm }), school: 'sD', worker: 'w1', referred: '2026-04-27',
    purchases: [{ id: 'p20', code: 'silver', financialYear: '2026-27', on: '2026-05-01', hours: 13, price: 1000 }],
    observations: ['2026-05-05'],
    contracts: [{ approvedOn: '2026-05-11', start: '2026-05-18', review: '2026-08-24' }],
    sessions: [['2026-05-18', 3], ['2026-06-15', 3]],
  },
  { id: 'c21', child: child('ch21', 'Finley', 'Garrow', 'male', 8, fsm), school: 'sB', worker: 'w1', referred: '2026-05-11', closed: { on: '2026-07-17', how: 'no-longer-needed' } },
  { id: 'c22', child: child('ch22', 'Ravi', 'Kestrel', 'male', 1, { send: 'sen-support' }), school: 'sA', worker: 'w3', referred: '2026-06-01' },
  // Closed on the year's last day; no contract.
  { id: 'c23', child: child('ch23', 'Amira', 'Delacroix-Hale', 'female', 10, pp), school: 'sC', worker: 'w2', referred: '2026-07-06', closed: { on: '2026-08-31', how: 'review-ended', destination: 'mainstream' } },
  // ch24 was referred before (x6, 2023-24); a contract still awaiting approval.
  {
    id: 'c24', child: child('ch24', 'Jonah', 'Pilgrim', 'male', 9), school: 'sD', worker: 'w2', referred: '2025-09-29',
    contracts: [{ start: '2025-11-03', review: '2025-12-15' }],
  },
];

/** The Universal Offer of each school for 2025-26, of two for 2026-27, and a consultancy hour left for a school. */
export const demoYearSchoolPurchases = (): Purchase[] => [
  schoolPurchase('u-a-25', 'sA', 'universal-support-offer', '2025-26', '2025-04-07', 0, 550),
  schoolPurchase('u-b-25', 'sB', 'universal-support-offer', '2025-26', '2025-04-08', 0, 550),
  schoolPurchase('u-c-25', 'sC', 'universal-support-offer', '2025-26', '2025-04-09', 0, 550),
  schoolPurchase('u-d-25', 'sD', 'universal-support-offer', '2025-26', '2025-04-10', 0, 550),
  schoolPurchase('u-a-26', 'sA', 'universal-support-offer', '2026-27', '2026-04-07', 0, 550),
  schoolPurchase('u-b-26', 'sB', 'universal-support-offer', '2026-27', '2026-04-08', 0, 550),
  schoolPurchase('u-a-24', 'sA', 'universal-support-offer', '2024-25', '2024-04-08', 0, 550),
  schoolPurchase('pU', 'sC', 'consultancy-hour', '2026-27', '2026-06-01', 1, 100),
];

export function demoYear(): FixtureWorld {
  return {
    history: historyFrom(demoYearCases(), demoYearSchoolPurchases()),
    schools: demoSchools(),
    staff: demoStaff(),
    priceLists: demoPriceLists(),
  };
}


const firstNames = ['Aiyana', 'Bartosz', 'Chidi', 'Darya', 'Eamon', 'Fatima', 'Gethin', 'Hana', 'Ilse', 'Jamal', 'Kasia', 'Leto', 'Марія', 'Νίκος', 'سمیرا', '陽翔'];
const lastNames = ['Abernethy', 'Brook', 'Carrow', 'Dunmore', 'Esterly', 'Fairweather', 'Galloway', 'Hythe', 'Ingram', 'Jessop', 'Шевчук', 'Παπαδάκη', 'رحیمی', '佐藤'];

/**
 * A fictional history of `cases` cases referred across the academic year starting `startYear`
 * (default 2025), seeded: the demo data generator's cases, with the demo schools and workers.
 */
export function generatedHistory(options: { seed: number; cases: number; startYear?: number }): FixtureWorld {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const start = options.startYear ?? 2025;
  const day = (offset: number): string => new Date(Date.UTC(start, 8, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  const schools = demoSchools();
  const workers = ['w1', 'w2', 'w3'];
  const specs: CaseSpec[] = [];
  for (let i = 1; i <= options.cases; i += 1) {
    const offset = Math.floor(random() * 330);
    const referred = day(offset);
    const school = pick(schools);
    const yearGroup = school.phase === 'primary' ? Math.floor(random() * 7) : 7 + Math.floor(random() * 5);
    const fy = Number(referred.slice(5, 7)) >= 4 ? Number(referred.slice(0, 4)) : Number(referred.slice(0, 4)) - 1;
    const financialYear = `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`;
    const bronze = random() < 0.5;
    const closes = random() < 0.6;
    const sessions: [string, number][] = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, n) => [day(offset + 21 + n * 7), 2]);
    specs.push({
      id: `g${i}`,
      child: {
        id: `gc${i}`,
        firstName: pick(firstNames),
        lastName: pick(lastNames),
        gender: random() < 0.35 ? 'female' : 'male',
        yearGroup,
        send: pick(['none', 'none', 'sen-support', 'ehc-plan'] as const),
        pupilPremium: random() < 0.45,
        freeSchoolMeals: random() < 0.25,
        lookedAfter: random() < 0.08,
      },
      school: school.id,
      ...(random() < 0.95 ? { worker: pick(workers) } : {}),
      referred,
      ...(closes ? { closed: { on: day(offset + 60 + Math.floor(random() * 40)), how: 'review-ended' as const, destination: pick(['mainstream', 'mainstream', 'mainstream', 'specialist-provision', 'alternative-provision', 'other'] as const) } } : {}),
      purchases: [{ id: `gp${i}`, code: bronze ? 'bronze' : 'silver', financialYear, on: day(offset + 5), hours: bronze ? 7 : 13, price: bronze ? 650 : 1000 }],
      observations: [day(offset + 3 + Math.floor(random() * 20))],
      contracts: [{ approvedOn: day(offset + 14), start: day(offset + 21), review: day(offset + 63) }],
      ...(closes ? { reviews: [day(offset + 60)] } : {}),
      sessions,
    });
  }
  return { history: historyFrom(specs), schools, staff: demoStaff(), priceLists: demoPriceLists() };
}
