import { priceListItem, type Purchase, type WorkflowConfig } from '../../../workflow';
import type { CardContext } from '../card';
import { labelOf } from '../labels';

/** "Silver, 2026-27, PO PO-AB-2630": the package's name on the year's price list, the year and the order number. */
export function purchaseTitle(config: WorkflowConfig, purchase: Purchase): string {
  const list = config.priceLists.find((l) => l.financialYear === purchase.financialYear);
  const name = (list && priceListItem(list, purchase.packageCode)?.name) ?? labelOf({}, purchase.packageCode);
  const po = purchase.purchaseOrderNumber ? `PO ${purchase.purchaseOrderNumber}` : 'no PO number';
  return `${name}, ${purchase.financialYear}, ${po}`;
}

/**
 * The school's purchases a contract can draw on, newest financial year first, as choices. The
 * Universal Offer is left out: it is what lets a school buy packages, not hours to draw on.
 */
export async function schoolPackageChoices(ctx: CardContext, schoolId: string, caseId: string): Promise<Array<{ title: string; value: string }>> {
  const purchases = await ctx.deps.stores.purchases.find({ schoolId });
  return purchases
    .filter((p) => !isUniversalOffer(ctx.deps.config, p))
    .sort((a, b) => b.financialYear.localeCompare(a.financialYear) || a.purchasedOn.localeCompare(b.purchasedOn))
    .map((p) => ({
      title: `${purchaseTitle(ctx.deps.config, p)}${p.caseId && p.caseId !== caseId ? ' (drawn on by another case)' : ''}`,
      value: p.id,
    }));
}

/** The titles of the purchases a contract draws on, in the contract's order. */
export async function contractPackageTitles(ctx: CardContext, purchaseIds: readonly string[]): Promise<string[]> {
  const found = await Promise.all(purchaseIds.map((id) => ctx.deps.stores.purchases.get(id)));
  return found.map((p, i) => (p ? purchaseTitle(ctx.deps.config, p) : `a purchase no longer on file (${purchaseIds[i] ?? ''})`));
}

function isUniversalOffer(config: WorkflowConfig, purchase: Purchase): boolean {
  const list = config.priceLists.find((l) => l.financialYear === purchase.financialYear);
  return list ? priceListItem(list, purchase.packageCode)?.kind === 'universal-offer' : false;
}
