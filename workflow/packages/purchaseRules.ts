import { workflowError } from '../errors';
import type { PriceList, PriceListItem } from '../model/priceList';
import type { Purchase } from '../model/purchase';
import { fail, ok, type Result } from '../result';

/** The code the Universal Offer has when no price list is at hand to say. */
export const defaultUniversalOfferCode = 'universal-support-offer';

export interface SchoolNaming {
  /** How to name the school in messages (its name, else its id). */
  readonly schoolName?: string;
  readonly schoolId?: string;
  /** The Universal Offer's code on that year's price list; `defaultUniversalOfferCode` when absent. */
  readonly universalOfferCode?: string;
}

/** Ok when the school bought that financial year's Universal Support Offer. */
export function universalOfferCheck(
  schoolPurchases: readonly Purchase[],
  financialYear: string,
  naming: SchoolNaming = {},
): Result<Purchase> {
  const code = naming.universalOfferCode ?? defaultUniversalOfferCode;
  const bought = schoolPurchases.find(
    (p) => p.packageCode === code && p.financialYear === financialYear && (naming.schoolId === undefined || p.schoolId === naming.schoolId),
  );
  if (bought) return ok(bought);
  const school = naming.schoolName ?? naming.schoolId ?? schoolPurchases[0]?.schoolId ?? 'The school';
  return fail(
    workflowError('UniversalOfferMissing', `${school} has not bought the Universal Support Offer for ${financialYear}.`, {
      rule: 'A school buys the financial year\'s Universal Support Offer before any package',
    }),
  );
}

export interface NewPurchase {
  readonly schoolId: string;
  readonly packageCode: string;
  readonly financialYear: string;
}

export const topUpRule = 'requires-package-same-year';

/**
 * Whether a school may buy `request`: the item must be on that year's price list; anything
 * but the Universal Offer needs that year's Universal Offer; an item that requires another
 * (Silver top-up requires Silver) needs that one bought the same year. Ok gives the price
 * list item, whose hours and price the purchase copies.
 */
export function purchaseRules(
  request: NewPurchase,
  schoolPurchases: readonly Purchase[],
  priceLists: readonly PriceList[],
  schoolName?: string,
): Result<PriceListItem> {
  const { schoolId, packageCode, financialYear } = request;
  const ours = schoolPurchases.filter((p) => p.schoolId === schoolId && p.financialYear === financialYear);
  const list = priceLists.find((l) => l.financialYear === financialYear);
  const item = list?.items.find((i) => i.code === packageCode);
  if (!list || !item) {
    return fail(
      workflowError('PackageNotOnPriceList', `"${packageCode}" is not on the ${financialYear} price list.`, {
        field: 'packageCode',
        rule: 'Packages come from the price list of the financial year',
      }),
    );
  }
  if (item.kind === 'universal-offer') {
    if (ours.some((p) => p.packageCode === item.code)) {
      return fail(
        workflowError('AlreadyDone', `${schoolName ?? schoolId} has already bought the Universal Support Offer for ${financialYear}.`, {
          field: 'packageCode',
        }),
      );
    }
    return ok(item);
  }
  const universal = list.items.find((i) => i.kind === 'universal-offer');
  const offer = universalOfferCheck(ours, financialYear, {
    schoolId,
    ...(schoolName !== undefined ? { schoolName } : {}),
    ...(universal ? { universalOfferCode: universal.code } : {}),
  });
  if (!offer.ok) return offer;
  if (item.requires !== undefined && !ours.some((p) => p.packageCode === item.requires)) {
    const required = list.items.find((i) => i.code === item.requires)?.name ?? item.requires;
    return fail(
      workflowError('OrderRule', `${item.name} needs a ${required} bought in ${financialYear} first.`, {
        rule: topUpRule,
        field: 'packageCode',
      }),
    );
  }
  return ok(item);
}
