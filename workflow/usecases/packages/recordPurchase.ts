import { z } from 'zod';
import { workflowError } from '../../errors';
import { IsoDate } from '../../model/common';
import type { Purchase } from '../../model/purchase';
import { financialYearOf, purchaseRules } from '../../packages';
import type { Versioned } from '../../ports/store';
import { fail, ok } from '../../result';
import { requireRole } from '../../rules/access';
import type { UseCase } from '../deps';
import { audit } from '../support/audit';
import { parseInput } from '../support/input';
import { now } from '../support/time';

export const RecordPurchaseInput = z.object({
  requestKey: z.string().min(8),
  schoolId: z.string().min(1),
  packageCode: z.string().min(1),
  purchasedOn: IsoDate,
  purchaseOrderNumber: z.string().trim().min(1).optional(),
});

/**
 * A school's purchase from the financial year's price list. Refused without that year's
 * Universal Support Offer, for an item not on the list, or a top-up without its package.
 */
export const recordPurchase: UseCase<unknown, { purchase: Versioned<Purchase>; repeated: boolean }> = async (deps, actor, raw) => {
  const allowed = requireRole(actor, ['admin', 'manager'], 'record a purchase');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(RecordPurchaseInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const school = await deps.stores.schools.get(input.schoolId);
  if (!school) return fail(workflowError('NotFound', 'That school is not on the Schools list.', { field: 'schoolId' }));
  const financialYear = financialYearOf(input.purchasedOn);
  const bought = await deps.stores.purchases.find({ schoolId: school.id, financialYear });
  const item = purchaseRules({ schoolId: school.id, packageCode: input.packageCode, financialYear }, bought, deps.config.priceLists, school.name);
  if (!item.ok) return item;
  const { item: purchase, created } = await deps.stores.purchases.create(
    {
      schoolId: school.id,
      packageCode: item.value.code,
      financialYear,
      purchasedOn: input.purchasedOn,
      ...(input.purchaseOrderNumber ? { purchaseOrderNumber: input.purchaseOrderNumber } : {}),
      invoiceStatus: 'not-invoiced',
      hours: item.value.hours,
      price: item.value.price,
      createdBy: actor.userId,
      createdAt: now(deps).at,
    },
    `purchase:${input.requestKey}`,
  );
  await audit(deps, actor, 'purchase.recorded', undefined, input.requestKey, { purchaseId: purchase.id, packageCode: purchase.packageCode });
  return ok({ purchase, repeated: !created });
};
