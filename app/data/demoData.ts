import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { IsoDate, School, Staff, type Stores, type WorkflowConfig } from '../../workflow';
import { financialYearOf, priceListItemFor } from './priceListLookup';
import { dataRoot } from './workflowConfig';

const DemoStaff = z.array(Staff.omit({ id: true }));
const DemoSchools = z.array(School.omit({ id: true }));
const DemoPurchases = z.array(
  z.object({ schoolUrn: z.string(), packageCode: z.string(), purchasedOn: IsoDate, purchaseOrderNumber: z.string().optional() }),
);

export interface DemoData {
  staff: z.infer<typeof DemoStaff>;
  schools: z.infer<typeof DemoSchools>;
  purchases: z.infer<typeof DemoPurchases>;
}

/** The fictional demo data in data/demo, validated by the workflow's schemas. */
export function readDemoData(): DemoData {
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(dataRoot, 'demo', file), 'utf8'));
  return {
    staff: DemoStaff.parse(read('staff.json')),
    schools: DemoSchools.parse(read('schools.json')),
    purchases: DemoPurchases.parse(read('purchases.json')),
  };
}

const LOADER = 'demo-data-loader';

/**
 * Every demo member of staff, school and purchase is there: three list reads (which also fill the
 * reference cache), where loading again would cost two requests an item.
 */
async function alreadyLoaded(stores: Stores, data: DemoData): Promise<boolean> {
  const [staff, schools, purchases] = await Promise.all([stores.staff.find({}), stores.schools.find({}), stores.purchases.find({})]);
  const userIds = new Set(staff.map((s) => s.userId));
  const schoolIds = new Map(schools.map((s) => [s.urn, s.id]));
  const bought = new Set(purchases.filter((p) => p.createdBy === LOADER).map((p) => `${p.schoolId}|${p.packageCode}|${p.purchasedOn}`));
  return (
    data.staff.every((s) => userIds.has(s.userId)) &&
    data.schools.every((s) => schoolIds.has(s.urn)) &&
    data.purchases.every((p) => bought.has(`${schoolIds.get(p.schoolUrn)}|${p.packageCode}|${p.purchasedOn}`))
  );
}

/**
 * Loads the demo data through the store ports; idempotent, so every start can run it (and a start
 * that finds it all loaded only reads). Answers whether anything was missing (a new data folder).
 */
export async function loadDemoData(stores: Stores, config: WorkflowConfig, data: DemoData = readDemoData(), at = new Date().toISOString()): Promise<boolean> {
  if (await alreadyLoaded(stores, data)) return false;
  for (const member of data.staff) await stores.staff.create(member, `staff:${member.userId}`);
  const schoolIds = new Map<string, string>();
  for (const school of data.schools) {
    const { item } = await stores.schools.create(school, `school:${school.urn}`);
    schoolIds.set(school.urn, item.id);
  }
  for (const [index, p] of data.purchases.entries()) {
    const schoolId = schoolIds.get(p.schoolUrn);
    if (!schoolId) throw new Error(`data/demo/purchases.json[${index}]: no school with URN ${p.schoolUrn}`);
    const financialYear = financialYearOf(p.purchasedOn);
    const item = priceListItemFor(config, financialYear, p.packageCode);
    await stores.purchases.create(
      {
        schoolId,
        packageCode: p.packageCode,
        financialYear,
        purchasedOn: p.purchasedOn,
        ...(p.purchaseOrderNumber ? { purchaseOrderNumber: p.purchaseOrderNumber } : {}),
        invoiceStatus: 'not-invoiced',
        hours: item.hours,
        price: item.price,
        createdBy: LOADER,
        createdAt: at,
      },
      `demo-purchase:${index}`,
    );
  }
  return true;
}
