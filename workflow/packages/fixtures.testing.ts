// Fictional fixtures for the package ledger's tests (not used by the product).
import { PriceList } from '../model/priceList';
import type { Purchase } from '../model/purchase';
import type { LedgerTimeEntry } from './drawDown';
import type { TimeActivity } from './timeActivity';

export const priceList2025 = (overrides: Partial<{ travelCountsTowardHours: boolean; financialYear: string }> = {}): PriceList =>
  PriceList.parse({
    financialYear: overrides.financialYear ?? '2025-26',
    consultancyRatePerHour: 100,
    travelCountsTowardHours: overrides.travelCountsTowardHours ?? false,
    items: [
      { code: 'universal-support-offer', name: 'Universal Support Offer', kind: 'universal-offer', hours: 0, price: 550, drawsFor: [] },
      { code: 'bronze', name: 'Bronze Package', kind: 'package', hours: 7, price: 650 },
      { code: 'silver', name: 'Silver Package', kind: 'package', hours: 13, price: 1000 },
      { code: 'silver-top-up', name: 'Silver Package Top-Up', kind: 'package', hours: 7, price: 550, requires: 'silver' },
      { code: 'parent-support', name: 'Parent Support Package', kind: 'package', hours: 6, price: 550, runsAlongside: true, drawsFor: ['parent-support'] },
    ],
  });

export const purchase = (id: string, packageCode: string, hours: number, extra: Partial<Purchase> = {}): Purchase => ({
  id,
  schoolId: 'school-a',
  packageCode,
  financialYear: '2025-26',
  purchasedOn: '2025-05-01',
  invoiceStatus: 'invoiced',
  hours,
  price: 0,
  createdBy: 'oid-manager',
  createdAt: '2025-05-01T09:00:00Z',
  ...extra,
});

export const entry = (id: string, date: string, hours: number, activity: TimeActivity = 'direct-work'): LedgerTimeEntry => ({
  id,
  date,
  hours,
  activity,
});
